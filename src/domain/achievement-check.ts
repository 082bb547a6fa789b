import type { ErrorDetail } from '../contracts/errors.ts';
import type { AchievementInput } from '../contracts/portfolio/achievement.ts';
import type { Catalogue } from '../framework/catalogue.ts';
import type { GradeScheme, Subject } from '../framework/schema.ts';

/** Checking an entered achievement against the catalogue: ids, grade schemes and degree kinds must exist. */

/** The kinds of higher-education qualification in the catalogue (foundation-degree, honours-degree, …). */
export const higherEducationKinds = (catalogue: Catalogue): string[] => [
  ...new Set(
    catalogue
      .qualifications()
      .filter(({ qualification }) => qualification.scheme === 'higher-education')
      .map(({ qualification }) => qualification.kind),
  ),
];

/** Every grade scheme in the catalogue that grades a subject. */
export const gradeSchemesFor = (subject: Subject, catalogue: Catalogue): GradeScheme[] =>
  catalogue.frameworks.flatMap((f) => f.gradeSchemes ?? []).filter((s) => s.subjects.includes(subject));

/** What is wrong with an entered achievement against the catalogue (empty when nothing is). */
export const checkAchievement = (input: AchievementInput, catalogue: Catalogue): ErrorDetail[] => {
  switch (input.kind) {
    case 'qualification':
      return input.qualificationId !== undefined && !catalogue.qualification(input.qualificationId)
        ? [{ where: 'qualificationId', reason: `no qualification in the framework has the id ${input.qualificationId}` }]
        : [];
    case 'unit':
      return [];
    case 'subject': {
      const scheme = catalogue.gradeScheme(input.scheme);
      if (!scheme?.subjects.includes(input.subject))
        return [{ where: 'scheme', reason: `${input.scheme} is not a grade scheme for ${input.subject}` }];
      return scheme.grades.some((g) => g.grade === input.grade)
        ? []
        : [{ where: 'grade', reason: `${input.grade} is not a ${scheme.title} grade (${scheme.grades.map((g) => g.grade).join(', ')})` }];
    }
    case 'degree':
      return higherEducationKinds(catalogue).includes(input.degree)
        ? []
        : [{ where: 'degree', reason: `choose one of ${higherEducationKinds(catalogue).join(', ')}` }];
  }
};
