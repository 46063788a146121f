// TEMPORARY placeholder so the engine runs until the real profiles land (helper will overwrite this file).
import type { Language } from '../model/stack.ts';
import { markedSource } from './markedSource.ts';
import type { LanguageProfile } from './types.ts';

const profile = (id: Language): LanguageProfile => ({
  id,
  label: id,
  framework: id === 'node' ? 'Express 5' : id === 'python' ? 'FastAPI' : id,
  syntax: 'javascript',
  port: 3000,
  drivers: { postgres: 'pg', mysql: 'mysql2', mongodb: 'mongodb' },
  defaultHeaders: [],
  handler: () =>
    markedSource(
      'app.js',
      `
app.get('/x', async (req, res) => { «route»
  requireAuth(req); «auth»
  validate(req.body); «validate»
  const product = await db.query(productSql, [id]); «lookup»
  const cached = await redis.get(key); «cacheGet»
  await db.query('BEGIN'); «begin»
  const { rows } = await db.query(sql, params); «query»
  await db.query('COMMIT'); «commit»
  await redis.set(key, json, 'EX', 60); «cacheSet»
  res.status(304).end(); «notModified»
  res.status(404).json({ error: 'Not Found' }); «notFound»
  res.json(rows[0]); «respond»
});`,
    ),
});

export const LANGUAGE_PROFILES = Object.fromEntries(
  (['node', 'python', 'java', 'ruby', 'go', 'php'] as const).map((l) => [l, profile(l)]),
) as Record<Language, LanguageProfile>;

export const languageProfile = (lang: Language): LanguageProfile => LANGUAGE_PROFILES[lang];
