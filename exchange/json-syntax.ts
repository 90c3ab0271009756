// Where a JSON text goes wrong. JSON.parse says so in words that differ between engines, and V8 no longer gives
// a position for an unexpected token; a reader fixing a file needs the line and column, so the text is scanned
// again (only after JSON.parse has failed) to find the first offending character.

export interface SyntaxProblem {
  /** UTF-16 offset of the first character that cannot continue the JSON, or text.length if the text ends early. */
  position: number;
  expected: string;
}

class Stop {
  constructor(readonly problem: SyntaxProblem) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// JSON forbids raw control characters in strings: the class names them on purpose.
// eslint-disable-next-line no-control-regex
const STRING_BODY = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y;

/** The first syntax problem of a text, or undefined when it is valid JSON. */
export function findJsonSyntaxProblem(text: string): SyntaxProblem | undefined {
  let i = 0;
  const stop = (expected: string): never => {
    throw new Stop({ position: i, expected });
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const expect = (ch: string, what: string) => {
    if (text[i] !== ch) stop(what);
    i++;
  };
  const match = (re: RegExp, what: string) => {
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m || m[0].length === 0) stop(what);
    i += m![0].length;
  };
  const string = () => {
    expect('"', 'a string');
    STRING_BODY.lastIndex = i;
    i += STRING_BODY.exec(text)![0].length;
    expect('"', 'the end of the string');
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        string();
        ws();
        expect(':', "':'");
        value();
        ws();
        if (text[i] === '}') return void i++;
        expect(',', "',' or '}'");
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ']') return void i++;
        expect(',', "',' or ']'");
      }
    }
    if (ch === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) return void (i += word.length);
    }
    match(NUMBER, 'a value');
  };
  try {
    value();
    ws();
    if (i < text.length) stop('the end of the data');
    return undefined;
  } catch (e) {
    if (e instanceof Stop) return e.problem;
    throw e;
  }
}
