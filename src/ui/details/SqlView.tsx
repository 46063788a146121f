import type { SqlQuery } from '../../core/index.ts';
import { FieldTable } from './FieldTable.tsx';
import { Highlighted } from './Highlighted.tsx';
import { RowsTable } from './RowsTable.tsx';
import { groupDigits } from '../../core/index.ts';

const PLAN = { index: 'index lookup', scan: 'full table scan', none: null } as const;

/**
 * The statement, its parameters (sent apart from the text), the planner's path and the rows; on MySQL, the
 * protocol command when it is not a plain text query (prepare, execute, close) with what it carries.
 */
export function SqlView({ sql, text }: { sql: SqlQuery; text: string }) {
  const placeholder = (i: number) => (sql.dialect === 'postgres' ? `$${i + 1}` : `? #${i + 1}`);
  const plan = PLAN[sql.plan];
  return (
    <>
      {sql.command && sql.command !== 'COM_QUERY' && (
        <p className="rt-plan">
          MySQL command: <strong>{sql.command}</strong> · {text}
        </p>
      )}
      <Highlighted text={sql.statement} grammar="sql" label="SQL statement" />
      {sql.params.length > 0 && (
        <FieldTable
          caption="Parameters"
          rows={sql.params.map((p, i) => [placeholder(i), JSON.stringify(p)] as const)}
        />
      )}
      {plan && (
        <p className="rt-plan">
          Plan: <strong>{plan}</strong> · {groupDigits(sql.rowsExamined)} row
          {sql.rowsExamined === 1 ? '' : 's'} examined
        </p>
      )}
      <RowsTable
        caption={`${sql.rows.length} row${sql.rows.length === 1 ? '' : 's'} returned`}
        rows={sql.rows}
      />
    </>
  );
}
