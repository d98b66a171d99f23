/**
 * "a" or "an" before a word or number that a message fills in (`an 18-character value`, `an
 * application/json body`, `an AWS access key ID`, `a GitHub token`), by how it is read aloud:
 * numbers by their first words (8…, 11, 18 and their thousands), all-capital acronyms by
 * their first letter's name (an HTML, an XHR; a PEM), other words by their first letter, with the
 * usual exceptions of a "you" sound (a user, a unique) and a silent h (an hour).
 */
const VOWEL = /^[aeiou]/i;
/** Letters whose names begin with a vowel sound: an F, an H, an L, an M, an N, an R, an S, an X. */
const VOWEL_SOUNDING_LETTERS = /^[aefhilmnorsx]/i;
const YOU_SOUND = /^(?:uni(?!n)|use|usu|ut[ei]|euro|one\b|once\b|u[rs]?\b)/i;
const SILENT_H = /^(?:hour|honest|honou?r|heir)/i;

function numberTakesAn(digits: string): boolean {
  if (digits.startsWith('8')) return true;
  // eleven, eighteen; eleven thousand, eighteen million…
  return digits.length % 3 === 2 && (digits.startsWith('11') || digits.startsWith('18'));
}

export function article(word: string): 'a' | 'an' {
  const w = word.trimStart();
  const digits = /^\d+/.exec(w)?.[0];
  if (digits) return numberTakesAn(digits) ? 'an' : 'a';
  const first = /^[A-Za-z]+/.exec(w)?.[0] ?? '';
  if (first === '') return 'a';
  // An acronym (HTML, XHR, AWS, SQL) or a lower-case one without a vowel (xhr): spelled out.
  const acronym = (first.length > 1 && first === first.toUpperCase()) || !/[aeiouy]/i.test(first);
  if (acronym) return VOWEL_SOUNDING_LETTERS.test(first) ? 'an' : 'a';
  if (SILENT_H.test(first)) return 'an';
  if (YOU_SOUND.test(w)) return 'a';
  return VOWEL.test(first) ? 'an' : 'a';
}

/** `word` after its article: `an 18-character value`. */
export const withArticle = (word: string): string => `${article(word)} ${word}`;
