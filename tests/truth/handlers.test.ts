// The handler code a stack shows must be code its language accepts: each snippet goes through that
// language's own parser. JavaScript always (V8, via node:vm); Python and Java when python3 and a JDK are on
// the machine; Ruby, Go and PHP when ruby, gofmt and php are; C++ when g++ and JsonCpp's headers are. Only
// syntax is checked: the snippets use the app's names (pool, db, redis, etag, Product...) that live
// elsewhere in the app. C++ is checked further: g++ -fsyntax-only also types every call, against the real
// JsonCpp and Drogon's and mongocxx's signatures transcribed in tests/truth/cpp/drogonApi.h.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { DATABASES, LANGUAGE_PROFILES } from '../../src/core/index.ts';
import type { HandlerOp, HandlerSource, Language } from '../../src/core/index.ts';

const OPS: readonly HandlerOp[] = ['getProduct', 'findBySku', 'createReview', 'login', 'me', 'listProducts'];

interface Snippet {
  readonly name: string;
  readonly handler: HandlerSource;
}

/** Every distinct handler of a language: each database and operation, getProduct with and without Redis. */
const snippets = (lang: Language): Snippet[] =>
  DATABASES.flatMap((db) =>
    OPS.flatMap((op) =>
      (op === 'getProduct' ? [false, true] : [false]).map((cached) => ({
        name: `${lang} ${db} ${op}${cached ? ' cached' : ''}`,
        handler: LANGUAGE_PROFILES[lang].handler(op, db, cached),
      })),
    ),
  );

/** Whether `command` is installed (it may still exit non-zero for --version, as gofmt does). */
const has = (command: string): boolean =>
  spawnSync(command, ['--version'], { input: '' }).error === undefined;

/** Runs `command` with `input` on stdin; returns what it printed when it failed, or null. */
function failure(command: string, args: readonly string[], input: string): string | null {
  const run = spawnSync(command, args, { input, encoding: 'utf8', timeout: 60_000 });
  return run.status === 0 ? null : `${run.stdout}${run.stderr}${run.error?.message ?? ''}`;
}

describe('JavaScript handlers', () => {
  it.each(snippets('node').map((s) => [s.name, s] as const))('%s parses', (_name, { handler }) => {
    // Inside an async function, as Express handlers and their awaits are.
    expect(
      () => new vm.Script(`(async () => {\n${handler.source}\n})`, { filename: handler.file }),
    ).not.toThrow();
  });

  it('the harness rejects broken JavaScript', () => {
    expect(() => new vm.Script("(async () => {\napp.get('/x', async (req, res) => {\n})")).toThrow(
      SyntaxError,
    );
  });
});

describe.runIf(has('python3'))('Python handlers', () => {
  // compile(), not just ast.parse(): it also refuses `await` outside an `async def`.
  const CHECK = [
    'import json, sys',
    'bad = []',
    'for name, src in json.load(sys.stdin):',
    '    try:',
    '        compile(src, name, "exec")',
    '    except SyntaxError as e:',
    '        bad.append(f"{name}:{e.lineno}: {e.msg}")',
    'print("\\n".join(bad))',
    'sys.exit(1 if bad else 0)',
  ].join('\n');
  const check = (items: readonly (readonly [string, string])[]): string | null =>
    failure('python3', ['-c', CHECK], JSON.stringify(items));

  it('every Python handler compiles', () => {
    expect(check(snippets('python').map((s) => [s.name, s.handler.source] as const))).toBeNull();
  });

  it('the harness rejects await in a plain def', () => {
    expect(check([['bad', 'def f():\n    await g()\n']])).toMatch(/bad:2/);
  });
});

describe.runIf(has('java'))('Java handlers', () => {
  // The JDK's own parser (javac's tree API), run once over every snippet; only syntax errors count.
  const PARSER = `
import com.sun.source.util.JavacTask;
import java.util.List;
import javax.tools.*;

public class ParseSnippets {
  public static void main(String[] args) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null);
    JavacTask task = (JavacTask) javac.getTask(null, files, diagnostics, List.of("-proc:none"), null, files.getJavaFileObjects(args));
    task.parse();
    int errors = 0;
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR) continue;
      errors++;
      System.out.println(d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(null));
    }
    System.exit(errors == 0 ? 0 : 1);
  }
}
`;
  const parse = (sources: readonly string[]): string | null => {
    const dir = mkdtempSync(join(tmpdir(), 'roundtrip-java-'));
    try {
      writeFileSync(join(dir, 'ParseSnippets.java'), PARSER);
      const files = sources.map((source, i) => {
        const file = join(dir, `Snippet${i}.java`);
        writeFileSync(file, `class Snippet${i} {\n${source}\n}\n`);
        return file;
      });
      return failure('java', [join(dir, 'ParseSnippets.java'), ...files], '');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('every Java handler parses as a controller method', () => {
    expect(parse(snippets('java').map((s) => s.handler.source))).toBeNull();
  });

  it('the harness rejects a broken method', () => {
    expect(parse(['@GetMapping("/x")\nString x() {\n    return jdbc.sql("x"\n}'])).toMatch(/Snippet0\.java/);
  });
});

describe.runIf(has('ruby'))('Ruby handlers', () => {
  it.each(snippets('ruby').map((s) => [s.name, s] as const))('%s is valid Ruby', (_name, { handler }) => {
    expect(failure('ruby', ['-c'], handler.source)).toBeNull();
  });

  it('the harness rejects broken Ruby', () => {
    expect(failure('ruby', ['-c'], 'def show(\n')).not.toBeNull();
  });
});

describe.runIf(has('gofmt'))('Go handlers', () => {
  // A snippet's package-level declarations (the session manager's var, its init) stay at package level;
  // its statements (mux.HandleFunc...) go inside a function body, one tab in, as gofmt would print them:
  // valid Go, and already gofmt-formatted. Paragraphs are split at blank lines; one that starts indented or
  // with a closing bracket continues the paragraph before it.
  const wrap = (source: string): string => {
    const chunks: string[] = [];
    for (const paragraph of source.split('\n\n')) {
      const continues = /^[\t )}\]]/.test(paragraph) && chunks.length > 0;
      if (continues) chunks[chunks.length - 1] += `\n\n${paragraph}`;
      else chunks.push(paragraph);
    }
    const isDecl = (chunk: string): boolean =>
      /^(var|func|type|const|import)\b/.test(chunk.replace(/^(\/\/.*\n)+/, ''));
    const decls = chunks.filter(isDecl).map((chunk) => `${chunk}\n\n`);
    const body = chunks.filter((chunk) => !isDecl(chunk)).join('\n\n');
    return `package shop\n\n${decls.join('')}func routes() {\n${body.replace(/^(?=.)/gm, '\t')}\n}\n`;
  };

  it.each(snippets('go').map((s) => [s.name, s] as const))(
    '%s is valid, gofmt-formatted Go',
    (_name, { handler }) => {
      const go = wrap(handler.source);
      const formatted = spawnSync('gofmt', ['-e'], { input: go, encoding: 'utf8' });
      expect(formatted.stderr).toBe('');
      expect(formatted.stdout).toBe(go);
    },
  );

  it('the harness rejects broken Go', () => {
    expect(failure('gofmt', ['-e'], wrap('x := '))).not.toBeNull();
  });
});

describe.runIf(has('php'))('PHP handlers', () => {
  it.each(snippets('php').map((s) => [s.name, s] as const))('%s is valid PHP', (_name, { handler }) => {
    expect(failure('php', ['-l'], `<?php\n${handler.source}\n`)).toBeNull();
  });

  it('the harness rejects broken PHP', () => {
    expect(failure('php', ['-l'], "<?php\nRoute::get('/x', function () {\n")).not.toBeNull();
  });
});

const JSONCPP = '/usr/include/jsoncpp';

describe.runIf(has('g++') && existsSync(join(JSONCPP, 'json/json.h')))('C++ handlers', () => {
  const include = fileURLToPath(new URL('./cpp/', import.meta.url));
  /** Each snippet as the body of a Drogon HttpController, in a namespace of its own, in one translation unit. */
  const check = (sources: readonly string[]): string | null =>
    failure(
      'g++',
      ['-std=c++20', '-fsyntax-only', `-I${JSONCPP}`, `-I${include}`, '-x', 'c++', '-'],
      [
        '#include "drogonApi.h"',
        ...sources.map(
          (source, i) =>
            `namespace snippet${i} {\nclass Products : public drogon::HttpController<Products> {\n  public:\n${source}\n};\n}`,
        ),
      ].join('\n'),
    );

  it('every C++ handler compiles as a Drogon controller (g++ -fsyntax-only, C++20)', () => {
    expect(check(snippets('cpp').map((s) => s.handler.source))).toBeNull();
  });

  it('the harness rejects a call with the wrong arguments', () => {
    const wrong =
      'Task<HttpResponsePtr> f(HttpRequestPtr req) {\n    co_return HttpResponse::newHttpResponse(k200OK);\n}';
    expect(check([wrong])).toMatch(/newHttpResponse/);
  });
});
