import { AdultLevel } from '../../framework/schema.ts';
import { adultLevelName } from '../subject-levels.ts';

const subjectNames: Record<string, string> = { english: 'English', maths: 'maths', science: 'science', ict: 'ICT' };

/** A subject as written in a sentence: "English", "maths". */
export const subjectInWords = (subject: string): string => subjectNames[subject] ?? subject;

/** A subject grade in words: "Functional Skills English Level 2", "GCSE (9 to 1 grading, England) maths grade 4". */
export const gradeInWords = (schemeTitle: string, subject: string, grade: string): string => {
  const level = AdultLevel.safeParse(grade);
  return `${schemeTitle} ${subjectInWords(subject)} ${level.success ? adultLevelName(level.data) : `grade ${grade}`}`;
};
