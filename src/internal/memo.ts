/**
 * `memo(derive)`: a function that calls `derive` again only when one of its arguments changed (compared
 * with Object.is), and otherwise returns the last result. The one way a widget keeps what it derives
 * from its data and options between updates.
 */
export function memo<Args extends readonly unknown[], Result>(derive: (...args: Args) => Result): (...args: Args) => Result {
  let last: { args: Args; result: Result } | undefined;
  return (...args: Args) => {
    if (!last || args.length !== last.args.length || args.some((arg, i) => !Object.is(arg, last!.args[i]))) {
      last = { args, result: derive(...args) };
    }
    return last.result;
  };
}
