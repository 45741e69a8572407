import { fileURLToPath } from 'node:url'
const esm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs', import.meta.url))
export default {
  root: 'page', base: './',
  resolve: { alias: [{ find: /^monaco-editor\/esm\/vs/, replacement: esm }] },
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022' },
  worker: { format: 'es' },
}
