import { baseCompile } from '@intlify/message-compiler'
import type { Plugin } from 'vite'

interface Node {
  type: string
  start: number
  end: number
  [key: string]: unknown
}

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && typeof (value as Node).type === 'string'

/** vue-i18n's message AST for one message, as JSON; throws with the message's key when it does not parse. */
export function compileMessage(message: string, key: string): string {
  const { ast } = baseCompile(message, {
    jit: true,
    location: false,
    minify: true,
    onError(error) {
      throw new Error(`locale message "${key}" does not compile: ${error.message}`)
    },
  })
  return JSON.stringify(ast)
}

/**
 * Compiles every message of the matching locale modules (objects of string literals) to vue-i18n's
 * message AST at build time, so the app ships vue-i18n without its message compiler and never
 * parses a message in the browser.
 */
export function precompileMessages(options: { include: (file: string) => boolean }): Plugin {
  return {
    name: 'billfold:precompile-messages',
    apply: 'build',
    enforce: 'post',
    transform(code, id) {
      if (!options.include(id.split('?', 1)[0])) return null
      const edits: { start: number; end: number; text: string }[] = []
      const visit = (node: Node, path: string[]) => {
        if (node.type === 'Property' && isNode(node.value)) {
          const key = isNode(node.key) ? String(node.key.name ?? node.key.value) : '?'
          const value = node.value
          if (value.type === 'Literal' && typeof value.value === 'string') {
            edits.push({ start: value.start, end: value.end, text: compileMessage(value.value, [...path, key].join('.')) })
            return
          }
          if (value.type !== 'ObjectExpression') this.error(`locale message "${[...path, key].join('.')}" must be a plain string`)
          visit(value, [...path, key])
          return
        }
        for (const child of Object.values(node)) {
          if (Array.isArray(child)) for (const item of child) if (isNode(item)) visit(item, path)
          if (isNode(child)) visit(child, path)
        }
      }
      visit(this.parse(code) as unknown as Node, [])
      let compiled = code
      for (const edit of edits.sort((a, b) => b.start - a.start)) compiled = compiled.slice(0, edit.start) + edit.text + compiled.slice(edit.end)
      return { code: compiled, map: null }
    },
  }
}
