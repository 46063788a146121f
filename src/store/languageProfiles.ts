import type { Language, LanguageProfile } from '../core/index.ts';

/** Fetches one language's profile (its handler code and framework rules): a chunk of its own each. */
function importProfile(lang: Language): Promise<LanguageProfile> {
  switch (lang) {
    case 'node':
      return import('../core/stacks/languages/node.ts').then((m) => m.nodeProfile);
    case 'python':
      return import('../core/stacks/languages/python.ts').then((m) => m.pythonProfile);
    case 'java':
      return import('../core/stacks/languages/java.ts').then((m) => m.javaProfile);
    case 'ruby':
      return import('../core/stacks/languages/ruby.ts').then((m) => m.rubyProfile);
    case 'go':
      return import('../core/stacks/languages/go.ts').then((m) => m.goProfile);
    case 'php':
      return import('../core/stacks/languages/php.ts').then((m) => m.phpProfile);
    case 'cpp':
      return import('../core/stacks/languages/cpp.ts').then((m) => m.cppProfile);
  }
}

const loaded = new Map<Language, LanguageProfile>();
const loading = new Map<Language, Promise<LanguageProfile>>();

/**
 * The registry of language profiles the store has loaded. The first view needs only the link's language:
 * the others (a few KB of handler code each) are fetched when a stack first uses them.
 */
export const languageProfiles = {
  /** The profile when it is loaded, else undefined. */
  get: (lang: Language): LanguageProfile | undefined => loaded.get(lang),
  /** Loads a profile once (a failed fetch may be tried again). */
  load(lang: Language): Promise<LanguageProfile> {
    const profile = loaded.get(lang);
    if (profile) return Promise.resolve(profile);
    let pending = loading.get(lang);
    if (!pending) {
      pending = importProfile(lang).then(
        (p) => (loaded.set(lang, p), p),
        (error: unknown) => {
          loading.delete(lang);
          throw error;
        },
      );
      loading.set(lang, pending);
    }
    return pending;
  },
};
