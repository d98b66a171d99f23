import rule from '../../../../src/core/rules/security/internal-error-details';
import { ruleTester } from '../../../helpers/ruleTester';

const json = { 'Content-Type': 'application/json' };
const text = { 'Content-Type': 'text/plain' };

ruleTester(rule, {
  valid: [
    {
      name: 'generic error message',
      status: 500,
      headers: json,
      body: { error: 'Something went wrong', id: 'req-1' },
    },
    {
      name: 'talk about SQL in general',
      headers: text,
      body: 'We store orders in a SQL database and a table per tenant.',
    },
    {
      name: 'word that only contains a keyword',
      headers: text,
      body: 'MYSQLSTATEMENT and ORA-12 and ORA-123456',
    },
    { name: 'body not captured', status: 500, headers: json },
    {
      name: 'prose about SQLSTATE codes',
      headers: json,
      body: {
        doc: 'Use SQLSTATE codes to branch on errors; SQLSTATE CLASS values and SQLSTATE 123 are listed',
      },
    },
    { name: 'SQLSTATE followed by a longer number', headers: text, body: 'see SQLSTATE 235051 in the table' },
  ],
  invalid: [
    {
      name: 'PostgreSQL syntax error in a JSON member',
      status: 500,
      headers: json,
      body: { message: 'syntax error at or near "FROM"', code: 'E_DB' },
      findings: [
        {
          severity: 'warning',
          pointer: '/message',
          // The place is the pointer's to say (surfaces print it beside the message), not twice.
          message: ['The body exposes a PostgreSQL', 'syntax error at or near "FROM"'],
        },
      ],
    },
    {
      name: 'MySQL syntax error',
      status: 500,
      headers: text,
      body: "You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '' at line 1",
      findings: [
        {
          severity: 'warning',
          message: ['The body exposes a MySQL', 'You have an error in your SQL syntax'],
        },
      ],
    },
    {
      name: 'PDO SQLSTATE',
      status: 500,
      headers: { 'Content-Type': 'text/html' },
      body: "<b>Fatal error</b>: Uncaught PDOException: SQLSTATE[42S02]: Base table or view not found: 1146 Table 'shop.orders' doesn't exist",
      findings: [{ severity: 'warning', message: ['SQLSTATE', 'SQLSTATE[42S02]'] }],
    },
    {
      name: 'pgx error with SQLSTATE and a five-character code',
      status: 409,
      headers: json,
      body: { error: 'ERROR: insert failed (SQLSTATE 23505)' },
      findings: [{ severity: 'warning', pointer: '/error', message: ['a SQLSTATE code', 'SQLSTATE 23505'] }],
    },
    {
      name: 'Db2 SQLSTATE= with letters in the code',
      status: 500,
      headers: text,
      body: 'SQL0204N "APP.ORDERS" is an undefined name. SQLSTATE=42704',
      findings: [{ severity: 'warning', message: 'SQLSTATE=42704' }],
    },
    {
      name: 'SQLSTATE: code with a letter class',
      status: 500,
      headers: text,
      body: 'query failed, SQLSTATE: HY000',
      findings: [{ severity: 'warning', message: 'SQLSTATE: HY000' }],
    },
    {
      name: 'Oracle error code',
      status: 500,
      headers: json,
      body: { detail: 'ORA-00942: table or view does not exist' },
      findings: [{ severity: 'warning', pointer: '/detail', message: ['Oracle', 'ORA-00942'] }],
    },
    {
      name: 'SQLite missing table',
      status: 500,
      headers: json,
      body: { error: { message: 'SQLITE_ERROR: no such table: users' } },
      findings: [{ severity: 'warning', pointer: '/error/message', message: ['SQLite', 'SQLITE_ERROR'] }],
    },
    {
      name: 'MongoDB duplicate key',
      status: 409,
      headers: json,
      body: {
        name: 'MongoServerError',
        message: 'E11000 duplicate key error collection: app.users index: email_1',
      },
      findings: [{ severity: 'warning', pointer: '/name', message: ['MongoDB', 'MongoServerError'] }],
    },
    {
      name: 'JDBC exception',
      status: 500,
      headers: json,
      body: {
        exception: 'org.springframework.jdbc.BadSqlGrammarException',
        cause: 'java.sql.SQLSyntaxErrorException: Unknown column',
      },
      findings: [
        { severity: 'warning', pointer: '/cause', message: ['JDBC', 'java.sql.SQLSyntaxErrorException'] },
      ],
    },
    {
      name: 'SQL Server quote error',
      status: 500,
      headers: text,
      body: "Unclosed quotation mark after the character string 'abc'.",
      findings: [{ severity: 'warning', message: ['SQL Server', 'Unclosed quotation mark'] }],
    },
  ],
});
