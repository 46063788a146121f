import type { Language } from '../model/stack.ts';
import { cppProfile } from './languages/cpp.ts';
import { goProfile } from './languages/go.ts';
import { javaProfile } from './languages/java.ts';
import { nodeProfile } from './languages/node.ts';
import { phpProfile } from './languages/php.ts';
import { pythonProfile } from './languages/python.ts';
import { rubyProfile } from './languages/ruby.ts';
import type { LanguageProfile } from './types.ts';

/** Every handler language's profile, by id (PRODUCT.md §3). */
export const LANGUAGE_PROFILES: Readonly<Record<Language, LanguageProfile>> = {
  node: nodeProfile,
  python: pythonProfile,
  java: javaProfile,
  ruby: rubyProfile,
  go: goProfile,
  php: phpProfile,
  cpp: cppProfile,
};

/** The profile of one handler language. */
export const languageProfile = (lang: Language): LanguageProfile => LANGUAGE_PROFILES[lang];
