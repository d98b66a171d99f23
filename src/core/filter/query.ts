/*
 * The panel's filter query language, one import for its users: parse-query.ts reads the search
 * box (and writes a term back: propTerm), exchange-facts.ts holds what matching asks of a row,
 * match-query.ts matches a parsed query against a row.
 */
export { parseQuery, propTerm, type ParsedQuery, type Term } from './parse-query';
export { exchangeFacts, type ExchangeFacts } from './exchange-facts';
export { matchesQuery, type FilterSubject, type MatchContext } from './match-query';
export { PROP_KEYS, type PropKey } from './keys';
