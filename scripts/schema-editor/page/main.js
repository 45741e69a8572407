// A YAML editor with the yaml-language-server (monaco-yaml's worker) that
// follows the draft's own `# yaml-language-server: $schema=` line.
import * as monaco from 'monaco-editor'
import { configureMonacoYaml } from 'monaco-yaml'
import YamlWorker from 'monaco-yaml/yaml.worker?worker'
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker'

globalThis.MonacoEnvironment = {
  getWorker(_, label) {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker()
  },
}

// The page stands for a project folder on disk: the draft's modeline names
// a file beside it (../../output/schema/…), which the language server
// resolves to a file: URI as a desktop editor would; the page serves it the
// contents of the schema files `gongwen build` wrote there.
const kinds = ['draft', 'part', 'attachment', 'comments', 'settings']
const schemas = await Promise.all(kinds.map(async (kind) => ({
  uri: `file:///project/output/schema/${kind}.schema.json`,
  schema: await (await fetch(`/output/schema/${kind}.schema.json`)).json(),
})))
configureMonacoYaml(monaco, { enableSchemaRequest: false, validate: true, completion: true, hover: true, schemas })

const file = new URLSearchParams(location.search).get('file') ?? 'drafts/notice/v1.yaml'
const uri = monaco.Uri.parse(`file:///project/${file}`)
const text = await (await fetch(`/${file}`)).text()
globalThis.monaco = monaco
const model = monaco.editor.createModel(text, 'yaml', uri)
globalThis.editor = monaco.editor.create(document.getElementById('editor'), {
  model, theme: 'vs', fontSize: 17, lineHeight: 26, minimap: { enabled: false },
  fontFamily: "'DejaVu Sans Mono', 'FandolHei', monospace", automaticLayout: true,
  suggest: { showStatusBar: false }, scrollBeyondLastLine: false,
})

// What the language server flags, listed as an editor's Problems panel does.
const problems = document.getElementById('problems')
monaco.editor.onDidChangeMarkers(() => {
  const markers = monaco.editor.getModelMarkers({ resource: uri }).sort((a, b) => a.startLineNumber - b.startLineNumber)
  problems.replaceChildren(...markers.map((m) => {
    const li = document.createElement('li')
    li.innerHTML = `<b>⚠</b> ${m.message.replace(/&/g, '&amp;').replace(/</g, '&lt;')} <span>[${m.startLineNumber}, ${m.startColumn}]</span>`
    return li
  }))
})
