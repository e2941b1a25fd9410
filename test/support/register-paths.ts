// Jest's globalSetup runs outside Jest's module registry, so moduleNameMapper does not apply there;
// map the @app/* aliases of tsconfig.json for it (and for anything it imports, like the migrations).
import path from 'node:path';
import { register } from 'tsconfig-paths';
import tsconfig from '../../tsconfig.json';

register({ baseUrl: path.resolve(__dirname, '../..'), paths: tsconfig.compilerOptions.paths });
