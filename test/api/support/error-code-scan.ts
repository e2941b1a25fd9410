import path from 'node:path';
import ts from 'typescript';

/** The shape of an error code: `PRICE_TOO_LOW`, `NOT_FOUND`, `UNAUTHENTICATED`. */
const CODE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

export interface CodeUse {
  code: string;
  /** `libs/bidding/src/domain/bid-rules.ts:107` */
  where: string;
}

/**
 * Every error code the source can send to a client, found with the type checker:
 * - the first argument of `new DomainError(…)`, `new DomainErrors(…)` and the argument of any
 *   parameter named `code` of any function or constructor (rejection helpers, `fail`, `err`…),
 *   whatever the expression, as long as its type is a string literal or a union of them
 *   (`expired ? 'TOKEN_EXPIRED' : 'UNAUTHENTICATED'`, `DecimalErrorCode.OUT_OF_RANGE`, a `RejectionCode`);
 * - the `code` of every object literal that also has a `message` (rule violations listed in
 *   `errors[]`, socket acknowledgements `{ok: false, code, message}`).
 * Production sources only: apps/api/src and libs/*\/src, without specs and fixtures.
 */
export function scanErrorCodes(root: string): CodeUse[] {
  const configPath = path.join(root, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const files = parsed.fileNames.filter((f) => isProductionSource(path.relative(root, f)));
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const found: CodeUse[] = [];

  const literalsOf = (expr: ts.Expression): string[] => {
    const type = checker.getTypeAtLocation(expr);
    const parts = type.isUnion() ? type.types : [type];
    return parts.filter((t): t is ts.StringLiteralType => t.isStringLiteral()).map((t) => t.value);
  };
  const record = (codes: string[], node: ts.Node) => {
    const file = node.getSourceFile();
    const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    for (const code of codes) if (CODE.test(code)) found.push({ code, where: `${path.relative(root, file.fileName)}:${line}` });
  };
  /** Positions of the arguments that are error codes: DomainError's first, and any parameter named `code`. */
  const codePositions = (call: ts.CallExpression | ts.NewExpression): number[] => {
    const callee = call.expression;
    if (ts.isIdentifier(callee) && (callee.text === 'DomainError' || callee.text === 'DomainErrors')) return [0];
    const parameters = checker.getResolvedSignature(call)?.getParameters() ?? [];
    return parameters.flatMap((p, i) => (p.getName() === 'code' ? [i] : []));
  };

  const visit = (node: ts.Node): void => {
    if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.arguments && node.arguments.length > 0) {
      for (const i of codePositions(node)) if (node.arguments[i]) record(literalsOf(node.arguments[i]), node);
    }
    if (ts.isObjectLiteralExpression(node)) {
      const names = new Map<string, ts.ObjectLiteralElementLike>();
      for (const p of node.properties) if (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) names.set(p.name.text, p);
      const code = names.get('code');
      if (code && names.has('message')) {
        const value = ts.isPropertyAssignment(code) ? code.initializer : ts.isShorthandPropertyAssignment(code) ? code.name : undefined;
        if (value) record(literalsOf(value), code);
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const file of program.getSourceFiles()) {
    if (files.includes(file.fileName)) visit(file);
  }
  return found;
}

function isProductionSource(relative: string): boolean {
  if (!/^(apps\/api\/src|libs\/[^/]+\/src)\//.test(relative)) return false;
  return !/\.(spec|e2e-spec)\.ts$/.test(relative) && !/\.fixtures?\.ts$/.test(relative) && !relative.endsWith('.d.ts');
}
