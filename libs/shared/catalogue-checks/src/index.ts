export { argumentsOf, catalogueProblems, sourceFiles, unusedKeys } from './icu-catalogue';
