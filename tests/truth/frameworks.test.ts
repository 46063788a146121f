// The pieces the response hooks are built from, checked against real implementations: the hashes behind
// Express's and Rails' ETags (Node's crypto), PHP's and Python's JSON encoders, Python's JSON decoder
// errors and pydantic's validation errors (the python3 and php on this machine, when there are), the
// JDK's integer parsing behind Spring's @PathVariable int, JsonCpp's writer and std::stoi behind Drogon's
// JSON and its int path parameter (g++ with Debian's libjsoncpp-dev), and the simulated clock's ISO timestamps.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { httpDate } from '../../src/core/protocols/httpDate.ts';
import { isoTimestamp } from '../../src/core/protocols/isoTimestamp.ts';
import { jsonBody } from '../../src/core/protocols/jsonBody.ts';
import { jsonText } from '../../src/core/protocols/jsonText.ts';
import { percentDecode } from '../../src/core/protocols/percentDecode.ts';
import { sha1 } from '../../src/core/protocols/sha1.ts';
import { sha256 } from '../../src/core/protocols/sha256.ts';
import { pydanticInt, reviewErrors } from '../../src/core/stacks/frameworks/pydantic.ts';
import { pythonJsonError } from '../../src/core/stacks/frameworks/pythonJsonError.ts';
import { reviewFields } from '../../src/core/stacks/frameworks/reviewFields.ts';
import { stoi } from '../../src/core/stacks/frameworks/drogon.ts';
import { springInt } from '../../src/core/stacks/frameworks/spring.ts';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const has = (command: string): boolean =>
  spawnSync(command, ['--version'], { input: '' }).error === undefined;

/** Runs `command` with JSON on stdin and parses the JSON it prints. */
function run(command: string, args: readonly string[], input: unknown): unknown {
  const out = spawnSync(command, args, { input: JSON.stringify(input), encoding: 'utf8', timeout: 60_000 });
  if (out.status !== 0) throw new Error(`${command} failed: ${out.stderr}`);
  return JSON.parse(out.stdout);
}

const text = fc.string({ unit: 'grapheme', maxLength: 40 });

describe('hashes', () => {
  it('sha1 and sha256 agree with Node’s crypto on any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(hex(sha1(bytes))).toBe(createHash('sha1').update(bytes).digest('hex'));
        expect(hex(sha256(bytes))).toBe(createHash('sha256').update(bytes).digest('hex'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the simulated clock', () => {
  const at = (ms: number): Date => new Date(Date.parse('2026-11-24T09:00:00Z') + Math.floor(ms));

  it('isoTimestamp is the world’s start plus the elapsed milliseconds, as an ISO instant in UTC', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 3_600_000, noNaN: true }), (ms) => {
        expect(isoTimestamp(ms)).toBe(at(ms).toISOString());
      }),
    );
  });

  it('httpDate and isoTimestamp agree with JavaScript’s Date past midnight, the month’s end and the year’s', () => {
    // 15 h in is 00:00:01 on Wednesday 25 November; 37 days in is 2027.
    for (const ms of [15 * 3_600_000 + 1_000, 7 * 86_400_000, 37 * 86_400_000 + 1]) {
      expect(httpDate(ms), `${ms} ms`).toBe(at(ms).toUTCString());
      expect(isoTimestamp(ms), `${ms} ms`).toBe(at(ms).toISOString());
    }
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * 86_400_000 }), (ms) => {
        expect(httpDate(ms)).toBe(at(ms).toUTCString());
        expect(isoTimestamp(ms)).toBe(at(ms).toISOString());
      }),
    );
  });
});

describe('percent-decoding a path segment', () => {
  it('never throws, and agrees with decodeURIComponent wherever that succeeds', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('%', '4', '2', 'e', '9', 'f', 'z', 'a', 'é', '/') }),
        (s) => {
          const decoded = percentDecode(s);
          let strict: string | undefined;
          try {
            strict = decodeURIComponent(s);
          } catch {
            strict = undefined;
          }
          if (strict !== undefined) expect(decoded).toBe(strict);
        },
      ),
      { numRuns: 500 },
    );
  });
});

const values = fc.array(
  fc.record({ id: fc.integer({ min: -1000, max: 1_000_000 }), body: text, message: text }),
  { minLength: 1, maxLength: 40 },
);

describe('JSON as each framework writes it', () => {
  it('html-safe (Go, ActiveSupport) escapes < > & U+2028 U+2029 and means the same value', () => {
    fc.assert(
      fc.property(
        fc.record({
          body: fc.string({ unit: fc.constantFrom('<', '>', '&', '\u2028', '\u2029', 'a', 'é', '"') }),
        }),
        (v) => {
          const out = jsonText(v, 'html-safe');
          expect(out).not.toMatch(/[<>&\u2028\u2029]/);
          expect(JSON.parse(out)).toEqual(v);
        },
      ),
    );
  });

  it.runIf(has('php'))('php and php-pretty are what json_encode writes', () => {
    const sample = fc.sample(values, 1)[0] ?? [];
    const php = [
      '$in = json_decode(stream_get_contents(STDIN), true);',
      '$out = [];',
      'foreach ($in as $v) { $out[] = [json_encode($v), json_encode($v, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES)]; }',
      'echo json_encode($out);',
    ].join('\n');
    const encoded = run('php', ['-r', php], sample) as [string, string][];
    sample.forEach((v, i) => {
      expect(jsonText(v, 'php')).toBe(encoded[i]?.[0]);
      expect(jsonText(v, 'php-pretty')).toBe(encoded[i]?.[1]);
    });
  });

  it.runIf(has('python3'))('ascii is what json.dumps(…, separators=(",", ":")) writes', () => {
    const sample = fc.sample(values, 1)[0] ?? [];
    const py =
      'import json, sys\nprint(json.dumps([json.dumps(v, separators=(",", ":")) for v in json.load(sys.stdin)]))';
    const encoded = run('python3', ['-c', py], sample) as string[];
    sample.forEach((v, i) => expect(jsonText(v, 'ascii')).toBe(encoded[i]));
  });
});

describe.runIf(has('python3'))(
  'Python: FastAPI’s json_invalid errors and pydantic’s validation errors',
  () => {
    const VERSION = spawnSync('python3', ['-c', 'import sys; print(sys.version_info >= (3, 13))'], {
      encoding: 'utf8',
    }).stdout.trim();

    it('pythonJsonError gives json.loads’s message and position for broken documents', () => {
      const docs = [
        '{"rating":5,',
        '{"rating":5',
        '{"rating" 5}',
        '{"rating":}',
        '{rating:5}',
        '',
        '   ',
        '{"body":"unterminated',
        '{"body":"bad \\x escape"}',
        '{"body":"\\u12"}',
        '{"rating":5} extra',
        '[1, 2',
        '{"rating":5,"body":"ok"}',
        'NaN',
        '{"a":-}',
        ...fc.sample(
          fc.json().chain((j) => fc.nat({ max: j.length }).map((n) => j.slice(0, n))),
          150,
        ),
      ];
      const py = [
        'import json, sys',
        'out = []',
        'for d in json.load(sys.stdin):',
        '    try:',
        '        json.loads(d); out.append(None)',
        '    except json.JSONDecodeError as e:',
        '        out.append([e.msg, e.pos])',
        'print(json.dumps(out))',
      ].join('\n');
      const python = run('python3', ['-c', py], docs) as ([string, number] | null)[];
      docs.forEach((d, i) => {
        const ours = pythonJsonError(d);
        // Python 3.13 names a trailing comma; older versions expect the next name or value there.
        if (ours?.msg.startsWith('Illegal trailing comma') && VERSION !== 'True') return;
        expect(ours === null ? null : [ours.msg, ours.pos], JSON.stringify(d)).toEqual(python[i]);
      });
    });

    it.runIf(spawnSync('python3', ['-c', 'import pydantic'], {}).status === 0)(
      'ProductId and NewReview fail exactly as pydantic says (type, loc, msg, input, ctx)',
      () => {
        const ids = [
          '42',
          'abc',
          '4.2',
          '4.0',
          '-1',
          '0',
          '007',
          '+5',
          ' 9 ',
          '2147483647',
          '2147483648',
          '1e3',
          '99999999999999999999',
          '',
        ];
        const ratings = [5, 9, 0, -3, 4.5, 5.0, '5', 'five', null, true, false, [], {}];
        const bodies: unknown[] = [
          ...ratings.map((rating) => ({ rating, body: 'Fine.' })),
          { rating: 5 },
          { body: 'x' },
          {},
          { rating: 5, body: '' },
          { rating: 5, body: 'é'.repeat(500) },
          { rating: 5, body: 'é'.repeat(501) },
          { rating: 5, body: 7 },
          { rating: 9, body: '' },
        ];
        const py = [
          'import json, sys',
          'from typing import Annotated',
          'from pydantic import BaseModel, Field, TypeAdapter, ValidationError',
          'class NewReview(BaseModel):',
          '    rating: int = Field(ge=1, le=5)',
          '    body: str = Field(min_length=1, max_length=500)',
          'ProductId = TypeAdapter(Annotated[int, Field(ge=1, le=2**31 - 1)])',
          'def errors(f, prefix):',
          '    try:',
          '        f(); return []',
          '    except ValidationError as e:',
          '        return [{**x, "loc": [*prefix, *x["loc"]]} for x in e.errors(include_url=False)]',
          'data = json.load(sys.stdin)',
          'print(json.dumps({',
          '    "ids": [errors(lambda: ProductId.validate_python(i), ["path", "id"]) for i in data["ids"]],',
          '    "bodies": [errors(lambda: NewReview.model_validate(b), ["body"]) for b in data["bodies"]],',
          '}, default=str))',
        ].join('\n');
        const python = run('python3', ['-c', py], { ids, bodies }) as {
          ids: unknown[][];
          bodies: unknown[][];
        };
        ids.forEach((id, i) => {
          const ours = pydanticInt(id, ['path', 'id'], 1, 2 ** 31 - 1);
          expect('error' in ours ? [ours.error] : [], JSON.stringify(id)).toEqual(python.ids[i]);
        });
        bodies.forEach((b, i) => {
          expect(reviewErrors(reviewFields(jsonBody(JSON.stringify(b)))), JSON.stringify(b)).toEqual(
            python.bodies[i],
          );
        });
      },
    );
  },
);

describe.runIf(has('java'))('Java: Spring’s conversion of a path segment to int', () => {
  it('springInt is NumberUtils.parseNumber on the JDK’s own Integer.decode and Integer.valueOf', () => {
    const segments = [
      '42',
      'abc',
      '4.2',
      '-1',
      '+5',
      '007',
      ' 4 2 ',
      '0x10',
      '#1f',
      '-0x10',
      '0x',
      '2147483647',
      '2147483648',
      '-2147483648',
      '1e3',
      '٤٢',
      '',
    ];
    const dir = mkdtempSync(join(tmpdir(), 'roundtrip-spring-'));
    try {
      const file = join(dir, 'Parse.java');
      writeFileSync(
        file,
        `public class Parse {
  static String trimAll(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) if (!Character.isWhitespace(c)) b.append(c);
    return b.toString();
  }
  public static void main(String[] args) throws Exception {
    String in = new String(System.in.readAllBytes(), "UTF-8");
    StringBuilder out = new StringBuilder();
    for (String line : in.split("\\n", -1)) {
      String s = trimAll(line);
      int i = s.startsWith("-") ? 1 : 0;
      boolean hex = s.startsWith("0x", i) || s.startsWith("0X", i) || s.startsWith("#", i);
      try { out.append(hex ? Integer.decode(s) : Integer.valueOf(s)); } catch (NumberFormatException e) { out.append("null"); }
      out.append('\\n');
    }
    System.out.print(out);
  }
}`,
      );
      const result = spawnSync('java', [file], {
        input: segments.join('\n'),
        encoding: 'utf8',
        timeout: 60_000,
      });
      const java = result.stdout.trimEnd().split('\n');
      segments.forEach((s, i) => {
        // The JDK also takes non-ASCII decimal digits (٤٢ is 42); the model refuses them.
        if ([...s].some((c) => c.charCodeAt(0) > 0x7f)) return;
        expect(String(springInt(s)), JSON.stringify(s)).toBe(java[i]);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * A C++ program with JsonCpp (Debian's libjsoncpp-dev): each value written as Drogon's
 * generateBodyFromJson writes it (commentStyle None, indentation "", emitUTF8), and each string through
 * std::stoi as getHandlerArgumentValue<int> converts a path parameter (null when it throws).
 */
const CPP = `#include <json/json.h>
#include <iostream>
#include <string>
int main() {
  Json::Value in;
  Json::CharReaderBuilder reader;
  std::string errors;
  if (!Json::parseFromStream(reader, std::cin, &in, &errors)) return 1;
  Json::StreamWriterBuilder builder;
  builder["commentStyle"] = "None";
  builder["indentation"] = "";
  builder["emitUTF8"] = true;
  Json::Value out;
  out["json"] = Json::Value(Json::arrayValue);
  out["stoi"] = Json::Value(Json::arrayValue);
  for (const auto &v : in["values"]) out["json"].append(Json::writeString(builder, v));
  for (const auto &s : in["ints"]) {
    try { out["stoi"].append(std::stoi(s.asString())); } catch (const std::exception &) { out["stoi"].append(Json::Value()); }
  }
  std::cout << Json::writeString(builder, out);
}
`;

describe.runIf(has('g++') && existsSync('/usr/include/jsoncpp/json/json.h'))('Drogon’s C++ pieces', () => {
  const dir = mkdtempSync(join(tmpdir(), 'roundtrip-cpp-'));
  const binary = join(dir, 'drogon-pieces');
  const compiled = (): void => {
    if (existsSync(binary)) return;
    writeFileSync(join(dir, 'pieces.cc'), CPP);
    const cc = spawnSync(
      'g++',
      ['-std=c++20', '-I/usr/include/jsoncpp', join(dir, 'pieces.cc'), '-ljsoncpp', '-o', binary],
      { encoding: 'utf8', timeout: 120_000 },
    );
    if (cc.status !== 0) throw new Error(cc.stderr);
  };

  it('jsoncpp is what JsonCpp writes for Drogon: keys sorted, no spaces, UTF-8 as it is', () => {
    compiled();
    const sample = [
      ...(fc.sample(values, 1)[0] ?? []),
      { stock: 3, id: 42, sku: 'SKU-0042', name: 'Café </script> "q" \u0001\u001f', price_cents: 1299 },
      { errors: [{ message: 'x', field: 'rating' }], b: [], a: { z: 1, y: null, Y: true } },
    ];
    const out = run(binary, [], { values: sample, ints: [] }) as { json: string[] };
    sample.forEach((v, i) => expect(jsonText(v, 'jsoncpp')).toBe(out.json[i]));
  });

  it('stoi is std::stoi: leading space, a sign and digits, the rest ignored, within int', () => {
    compiled();
    const ints = [
      '42',
      'abc',
      '4.2',
      '12abc',
      ' 7',
      '\t-3',
      '+5',
      '-0',
      '',
      'x1',
      '2147483647',
      '2147483648',
      '-2147483648',
      '-2147483649',
      '0x1A',
      '00042',
      '99999999999999999999',
      '٣',
      '42 ',
      ' ',
      '+',
      '-',
    ];
    const out = run(binary, [], { values: [], ints }) as { stoi: (number | null)[] };
    ints.forEach((s, i) => expect(stoi(s), JSON.stringify(s)).toBe(out.stoi[i]));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));
});
