// A minimal TypeScript require hook for child processes started by tests (an API instance that a test
// can SIGKILL): transpiles each .ts file on load with the project's compiler options and maps the
// @app/* aliases. Type checking is `npm run typecheck`'s job, not this hook's.
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');
const { register } = require('tsconfig-paths');

const root = path.resolve(__dirname, '../..');
const tsconfig = require(path.join(root, 'tsconfig.json'));
register({ baseUrl: root, paths: tsconfig.compilerOptions.paths });

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  esModuleInterop: true,
  resolveJsonModule: true,
  sourceMap: false,
};

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
