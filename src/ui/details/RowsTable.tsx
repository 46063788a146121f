import { breakable } from '../breakable.tsx';

const show = (value: unknown): string =>
  value === null ? 'NULL' : typeof value === 'object' ? JSON.stringify(value) : String(value);

/** Result rows (or documents) as a table with one column per field. */
export function RowsTable({
  caption,
  rows,
}: {
  caption: string;
  rows: readonly Readonly<Record<string, unknown>>[];
}) {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  if (rows.length === 0) return null;
  return (
    <div className="rt-table-scroll">
      <table className="rt-rows">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {breakable(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <td key={c}>{show(row[c])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
