import { forgetTokensSince, tokenMark } from '../../src/core/token-registry';
import { withoutTokenStackTraces } from '../../src/core/token-stack-traces';
import { Lazy, Token } from '../../src/engine';

describe("what synthesis saves of the engine's costs", () => {
  test("a batch's tokens leave the engine's registry; tokens registered before stay", () => {
    const before = tokenMark();
    Lazy.stringValue({ produce: () => 'kept' });
    const mark = tokenMark();
    expect(mark.strings).toBe(before.strings + 1);
    for (let i = 0; i < 50; i++) Token.asString(Lazy.stringValue({ produce: () => `batch ${i}` }));
    expect(tokenMark().strings).toBe(mark.strings + 50);
    forgetTokensSince(mark);
    expect(tokenMark()).toEqual(mark);
  });

  test("no stack trace is captured for the engine's plain objects; errors keep theirs, and both are restored", () => {
    const [prepare, capture] = [Error.prepareStackTrace, Error.captureStackTrace];
    const [plain, error] = withoutTokenStackTraces(() => {
      const object = { stack: '' };
      Error.captureStackTrace(object);
      return [object, new Error('still traced')];
    });
    expect(plain.stack).toBe('');
    expect(error.stack).toMatch(/^Error: still traced\n\s+at /);
    expect([Error.prepareStackTrace, Error.captureStackTrace]).toEqual([prepare, capture]);
  });
});
