import { AppError, type ErrorDetail } from '../../contracts/errors.ts';
import { detailsFromZod } from '../../contracts/zod-issues.ts';
import { IfateStandard } from './ifate-schema.ts';

const invalid = (fileName: string, message: string, details: ErrorDetail[]) =>
  new AppError('import_invalid', `${fileName}: ${message}. Nothing was imported.`, details);

/** Reads a JSON text, failing with the line, column and position of the first error. */
const parseJson = (text: string, fileName: string): unknown => {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(reason)?.[1];
    const where = position === undefined ? '$' : `$ (${lineAndColumn(text, Number(position))}, position ${position})`;
    throw invalid(fileName, 'is not valid JSON', [{ where, reason }]);
  }
};

const lineAndColumn = (text: string, position: number) => {
  const before = text.slice(0, position).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
};

/** Every id must be unique across the standard's lists, and every duty mapping must name an id of the right list. */
const checkReferences = (standard: IfateStandard): ErrorDetail[] => {
  const problems: ErrorDetail[] = [];
  const seen = new Map<string, { where: string; list: string }>();
  const register = (id: string, where: string, list: string) => {
    const key = id.toLowerCase();
    const first = seen.get(key);
    if (first) problems.push({ where, reason: `duplicate id ${id}, already used at ${first.where}` });
    else seen.set(key, { where, list });
  };
  standard.options.forEach((o, i) => {
    register(o.optionId, `$.options[${i}].optionId`, 'options');
  });
  standard.knowledges.forEach((k, i) => {
    register(k.knowledgeId, `$.knowledges[${i}].knowledgeId`, 'knowledges');
  });
  standard.skills.forEach((s, i) => {
    register(s.skillId, `$.skills[${i}].skillId`, 'skills');
  });
  standard.behaviours.forEach((b, i) => {
    register(b.behaviourId, `$.behaviours[${i}].behaviourId`, 'behaviours');
  });
  standard.duties.forEach((d, i) => {
    register(d.dutyId, `$.duties[${i}].dutyId`, 'duties');
  });

  const mappings = [
    ['mappedKnowledge', 'knowledges', 'knowledge'],
    ['mappedSkills', 'skills', 'skill'],
    ['mappedBehaviour', 'behaviours', 'behaviour'],
    ['mappedOptions', 'options', 'option'],
  ] as const;
  standard.duties.forEach((duty, i) => {
    for (const [field, list, noun] of mappings) {
      duty[field].forEach((id, j) => {
        const target = seen.get(id.toLowerCase());
        if (target?.list === list) return;
        problems.push({
          where: `$.duties[${i}].${field}[${j}]`,
          reason: target ? `${id} is not a ${noun} id (it is the id at ${target.where})` : `unknown ${noun} id ${id}`,
        });
      });
    }
  });
  return problems;
};

/** The API answers with a JSON array of standards: a file saved from it holding one standard is read as that standard. */
const onlyRecord = (records: unknown[], fileName: string): unknown => {
  if (records.length === 1) return records[0];
  throw invalid(fileName, `holds ${records.length} records where Pathways imports one standard at a time`, [
    { where: '$', reason: `an array of ${records.length} standards; save the one standard to import on its own (or as an array of one)` },
  ]);
};

/**
 * Parses and validates one standard from the Skills England apprenticeship-standards API (the JSON
 * text of a file, or an already parsed value). A malformed standard fails with `import_invalid`
 * and a detail per problem naming its JSON path (`$.duties[3].mappedKnowledge[1]`) and the reason.
 */
export const parseIfateStandard = (json: string | unknown, fileName: string): IfateStandard => {
  const read = typeof json === 'string' ? parseJson(json, fileName) : json;
  const value = Array.isArray(read) ? onlyRecord(read, fileName) : read;
  const parsed = IfateStandard.safeParse(value);
  if (!parsed.success)
    throw invalid(fileName, 'is not an apprenticeship standard in the Skills England API shape', detailsFromZod(parsed.error));
  const problems = checkReferences(parsed.data);
  if (problems.length > 0) throw invalid(fileName, `has ${problems.length} broken id reference(s)`, problems);
  return parsed.data;
};
