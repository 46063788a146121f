import { breakable } from '../breakable.tsx';

/**
 * A two-column table of names and values (TCP fields, TLS fields, SQL parameters). A value wraps after
 * its dots and slashes before it breaks anywhere ("192.0.2.15:6333␣1" in a 1280 px window's column).
 */
export function FieldTable({
  caption,
  rows,
}: {
  caption: string;
  rows: readonly (readonly [string, string])[];
}) {
  return (
    <table className="rt-fields">
      <caption>{caption}</caption>
      <tbody>
        {rows.map(([name, value], i) => (
          <tr key={`${name}-${i}`}>
            <th scope="row">{breakable(name)}</th>
            <td>{breakable(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
