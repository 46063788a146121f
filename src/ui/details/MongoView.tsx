import type { MongoQuery } from '../../core/index.ts';
import { Highlighted } from './Highlighted.tsx';
import { RowsTable } from './RowsTable.tsx';
import { groupDigits } from '../../core/index.ts';

const PLAN = { index: 'index scan (IXSCAN)', scan: 'collection scan (COLLSCAN)', none: null } as const;

/** The MongoDB command as the driver sends it (the shell's call beside it), the planner's path and the documents. */
export function MongoView({ text, mongodb }: { text: string; mongodb: MongoQuery }) {
  // MongoDB 8.0 answers an equality on _id by its express path.
  const plan =
    mongodb.plan === 'index' && '_id' in mongodb.filter
      ? 'express index lookup (EXPRESS_IXSCAN)'
      : PLAN[mongodb.plan];
  return (
    <>
      <Highlighted text={text} grammar="javascript" label="MongoDB command" />
      {plan && (
        <p className="rt-plan">
          Plan: <strong>{plan}</strong> · {groupDigits(mongodb.docsExamined)} document
          {mongodb.docsExamined === 1 ? '' : 's'} examined
        </p>
      )}
      <RowsTable
        caption={`${mongodb.docs.length} document${mongodb.docs.length === 1 ? '' : 's'} returned`}
        rows={mongodb.docs}
      />
    </>
  );
}
