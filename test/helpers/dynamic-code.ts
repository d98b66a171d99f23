import ts from 'typescript';

/**
 * Every place a script turns a string into code at run time — what the MV3 CSP forbids — found
 * by parsing it, not by grepping: bundled libraries have methods that are merely *named* eval
 * (re2js's `prefilter.eval(…)`), and a grep for `eval(` cannot tell those from the real one.
 *
 * Reported: calls of the global `eval` (`eval(s)`, `(0, eval)(s)`, `window.eval(s)`,
 * `globalThis.eval(s)`, `self.eval(s)`), the `Function` constructor (`new Function(…)`,
 * `Function(…)`, and the same through `window`/`globalThis`/`self`), and `setTimeout` /
 * `setInterval` given a string. Not reported: a method or property called eval on any other object.
 */
export function dynamicCodeSites(code: string, fileName = 'bundle.js'): string[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found: string[] = [];
  const GLOBALS = new Set(['window', 'globalThis', 'self']);
  const isGlobalNamed = (e: ts.Expression, name: string): boolean => {
    while (ts.isParenthesizedExpression(e)) e = e.expression;
    // (0, eval): the comma operator's value is the global eval, called indirectly.
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.CommaToken)
      return isGlobalNamed(e.right, name);
    if (ts.isIdentifier(e)) return e.text === name;
    if (ts.isPropertyAccessExpression(e))
      return e.name.text === name && ts.isIdentifier(e.expression) && GLOBALS.has(e.expression.text);
    if (ts.isElementAccessExpression(e))
      return (
        ts.isStringLiteralLike(e.argumentExpression) &&
        e.argumentExpression.text === name &&
        ts.isIdentifier(e.expression) &&
        GLOBALS.has(e.expression.text)
      );
    return false;
  };
  const where = (n: ts.Node) => {
    const { line, character } = source.getLineAndCharacterOfPosition(n.getStart(source));
    return `${fileName}:${line + 1}:${character + 1}: ${n.getText(source).slice(0, 60)}`;
  };
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) {
      if (isGlobalNamed(n.expression, 'eval') || isGlobalNamed(n.expression, 'Function'))
        found.push(where(n));
      else if (
        (isGlobalNamed(n.expression, 'setTimeout') || isGlobalNamed(n.expression, 'setInterval')) &&
        n.arguments[0] !== undefined &&
        (ts.isStringLiteralLike(n.arguments[0]) || ts.isTemplateExpression(n.arguments[0]))
      )
        found.push(where(n));
    } else if (ts.isNewExpression(n) && isGlobalNamed(n.expression, 'Function')) found.push(where(n));
    ts.forEachChild(n, visit);
  };
  visit(source);
  return found;
}
