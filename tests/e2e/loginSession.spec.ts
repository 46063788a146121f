import { LANGUAGES } from '../../src/core/index.ts';
import { expect, status, test, timelineOf } from './fixtures.ts';
import { SESSION_COOKIE } from '../support/sessionCookies.ts';

test.describe('login-session (cookies and sessions)', () => {
  test('chosen from the picker, it plays to the end: the login, the cookie stored, /api/me with Cookie', async ({
    page,
  }) => {
    const timeline = timelineOf('login-session');
    await page.goto('/#speed=4&pause=none');
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption('login-session');
    await expect(page).toHaveURL(/[#&]scenario=login-session(&|$)/);
    await page.getByRole('button', { name: 'Play' }).click();
    const count = timeline.steps.length;
    await expect(status(page)).toContainText(`Step ${count} of ${count}`, { timeout: 60_000 });
    await expect(page.getByRole('group', { name: 'Playback' })).toContainText(timeline.outcome.summary);

    const details = page.getByRole('region', { name: 'Step details' });
    const step = (id: string): number => timeline.steps.findIndex((s) => s.id === id) + 1;
    await page.goto(`/#scenario=login-session&step=${step('browser-store-cookie')}`);
    await expect(details).toContainText('Set-Cookie: connect.sid=s%3A');
    await expect(details).toContainText('SameSite=Lax');
    await page
      .getByRole('region', { name: 'Request diagram' })
      .getByRole('button', { name: /^Browser / })
      .click();
    await expect(page.getByRole('region', { name: 'What Browser knows' })).toContainText('connect.sid');
  });

  for (const lang of LANGUAGES)
    test(`on ${lang}: the login's answer sets ${SESSION_COOKIE[lang]}, and the next request sends it back`, async ({
      page,
    }) => {
      const timeline = timelineOf('login-session', { lang, db: 'postgres' });
      const details = page.getByRole('region', { name: 'Step details' });
      const answer = timeline.steps.find((s) => s.id.startsWith('http-response-200'))!;
      await page.goto(`/#scenario=login-session&lang=${lang}&db=postgres&step=${answer.index + 1}`);
      await expect(details).toContainText(new RegExp(`Set-Cookie: ${SESSION_COOKIE[lang]}=`, 'i'));
      const session = timeline.steps.find((s) => s.id === 'server-session-start')!;
      await page.goto(`/#scenario=login-session&lang=${lang}&db=postgres&step=${session.index + 1}`);
      await expect(details).toContainText('Start a session');
      const me = timeline.steps.filter((s) => s.id.startsWith('http-request'))[1]!;
      await page.goto(`/#scenario=login-session&lang=${lang}&db=postgres&step=${me.index + 1}`);
      await expect(details).toContainText('GET /api/me');
      await expect(details).toContainText(new RegExp(`Cookie: (.*; )?${SESSION_COOKIE[lang]}=`));
    });
});
