import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../engine/buildTimeline.ts';
import { isoTimestamp } from '../../protocols/isoTimestamp.ts';
import { scenarioById } from '../../scenarios/index.ts';

describe('Spring Boot’s log of an uncaught exception (server-error)', () => {
  it('follows Spring Boot 4’s console pattern: ISO time with Z, level, pid, ---, [app], [thread], logger, message', () => {
    const t = buildTimeline(scenarioById('server-error')!, { lang: 'java', db: 'postgres' });
    const step = t.steps.find((s) => s.id === 'server-exception')!;
    const [first] = step.message.text.split('\n');
    expect(first).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z ERROR 1 --- \[shop\] \[nio-8080-exec-1\] o\.a\.c\.c\.C\.\[\.\[\.\[\/\]\.\[dispatcherServlet\] {4}: Servlet\.service\(\) for servlet \[dispatcherServlet\]/,
    );
    expect(first?.slice(0, 24)).toBe(isoTimestamp(step.startMs));
  });
});
