import { defineDetector } from './hints';
import { excerpt } from './scan';

export interface InternalsHit {
  /** What leaked, e.g. "a PostgreSQL error". */
  what: string;
  excerpt: string;
}

/*
 * Phrases that only databases, their drivers and ORMs print. Each starts with a literal and bounds
 * its repeats so a scan stays linear. Connection strings are left out on purpose: quoting one in a
 * finding could copy a password into the report. A new pattern needs a hint below that every
 * one of its matches contains.
 */
const PATTERNS: readonly { what: string; re: RegExp }[] = [
  { what: 'a MySQL syntax error', re: /You have an error in your SQL syntax/ },
  {
    what: 'a MySQL error',
    re: /\bER_(?:DUP_ENTRY|PARSE_ERROR|NO_SUCH_TABLE|BAD_FIELD_ERROR|ACCESS_DENIED_ERROR)\b|Duplicate entry '[^'\n]{0,200}' for key/,
  },
  {
    what: 'a PostgreSQL error',
    re: /syntax error at or near |duplicate key value violates unique constraint|violates foreign key constraint|relation "[^"\n]{1,200}" does not exist/,
  },
  { what: 'an Oracle error code', re: /\bORA-\d{5}\b/ },
  {
    what: 'a SQL Server error',
    re: /Unclosed quotation mark after the character string|Incorrect syntax near /,
  },
  { what: 'a SQLite error', re: /\bSQLITE_[A-Z]{4,20}\b|no such (?:table|column): / },
  { what: 'a MongoDB error', re: /\bMongo[A-Za-z]{0,20}Error\b|E11000 duplicate key/ },
  // `SQLSTATE[23000]` (PDO), or a five-character code after a space, colon or "=":
  // `(SQLSTATE 23505)` (pgx), `SQLSTATE: 42P01`, `SQLSTATE=42704` (Db2). Codes are digits and
  // capitals with at least one digit, so prose such as "SQLSTATE codes" does not match.
  {
    what: 'a SQLSTATE code',
    re: /\bSQLSTATE(?:\[|[ :=]{1,3}(?=[0-9A-Z]{0,4}[0-9])[0-9A-Z]{5}(?![0-9A-Za-z]))/,
  },
  { what: 'a PDOException', re: /\bPDOException\b/ },
  {
    what: 'a JDBC/SQL driver exception',
    re: /\bjava\.sql\.|\bPSQLException\b|\bS(?:QL|ql)[A-Za-z]{0,40}Exception\b|\borg\.hibernate\./,
  },
  {
    what: 'an ORM or driver error',
    re: /\bsqlalchemy\.exc\.|\bdjango\.db\.utils\.|\bpsycopg2?\.(?:errors|OperationalError|IntegrityError|ProgrammingError)|ActiveRecord::(?:StatementInvalid|RecordNotUnique)|\bPG::[A-Z][A-Za-z]{1,40}|\bSequelize[A-Za-z]{0,30}Error\b|\bPrismaClient[A-Za-z]{0,30}Error\b/,
  },
];

/** The first database or driver detail found in `text`, or undefined. */
export function findInternalDetails(text: string): InternalsHit | undefined {
  for (const { what, re } of PATTERNS) {
    const m = re.exec(text);
    if (m) return { what, excerpt: excerpt(text, m.index) };
  }
  return undefined;
}

/**
 * Every match of the patterns above contains one of these. "SQL" stands in for SQLSTATE,
 * SQLITE_, PSQLException and the MySQL syntax message; "syntax" for the PostgreSQL and SQL
 * Server syntax messages; "violates " for both PostgreSQL constraint messages.
 */
const HINTS = [
  'SQL',
  'Sql',
  'ER_',
  'Duplicate entry',
  'syntax',
  'violates ',
  'relation ',
  'ORA-',
  'Unclosed quotation mark',
  'no such ',
  'Mongo',
  'E11000',
  'PDOException',
  'java.sql.',
  'org.hibernate.',
  'sqlalchemy.exc.',
  'django.db.utils.',
  'psycopg',
  'ActiveRecord::',
  'PG::',
  'Sequelize',
  'PrismaClient',
];

export const INTERNAL_DETAILS = defineDetector((text) => {
  const hit = findInternalDetails(text);
  return hit ? [hit] : [];
}, HINTS);
