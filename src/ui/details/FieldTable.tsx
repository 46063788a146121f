import { breakableText } from '../breakable.tsx';

/**
 * A two-column table of names and values (TCP fields, TLS fields, SQL parameters). An address or a short
 * name is never split, a long value wraps after its dots and slashes before it breaks anywhere
 * ("192.0.2.15:6333␣1" and "192.0.2.␣15" in a narrow column).
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
            <th scope="row">{breakableText(name)}</th>
            <td>{breakableText(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
