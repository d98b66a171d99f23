/**
 * Shortens V8's JSON.parse messages for use after "not valid JSON: ", which would otherwise
 * say it twice ("Unexpected token 'o', "not json" is not valid JSON"). The position, when
 * there is one, is left for the caller to turn into a line.
 */
export function tidyJsonError(message: string): string {
  return message
    .replace(/, ((?:\.\.\.)?"[\s\S]*"(?:\.\.\.)?) is not valid JSON$/, ' in $1')
    .replace(/ is not valid JSON$/, '')
    .replace(/^Unexpected end of JSON input$/, 'Unexpected end of input')
    .replace(/ after JSON\b/, ' after the value')
    .replace(/ in JSON at position\b/, ' at position');
}
