import { describe, expect, it } from 'vitest'
import { compileMessage, precompileMessages } from './precompile-messages'

describe('precompileMessages', () => {
  it('compiles a message to vue-i18n\'s AST, placeholders and plurals included', () => {
    expect(JSON.parse(compileMessage('Billfold', 'app.name'))).toMatchObject({ t: 0, b: { s: 'Billfold' } })
    expect(compileMessage('Back to {business}', 'app.backTo')).toContain('"k":"business"')
    expect(JSON.parse(compileMessage('one key | {n} keys', 'keys')).b.c).toHaveLength(2)
  })

  it('names the message that does not compile, e.g. a bare @ that vue-i18n reads as a link', () => {
    expect(() => compileMessage('like name@example.com.', 'profile.emailInvalid')).toThrow(/profile\.emailInvalid/)
    expect(() => compileMessage("like name{'@'}example.com.", 'profile.emailInvalid')).not.toThrow()
  })

  it('replaces every string of a locale module by its AST and refuses anything but strings and objects', async () => {
    const { parseAst } = await import('vite')
    const plugin = precompileMessages({ include: (file) => file.endsWith('/en.ts') }) as unknown as { transform: (this: object, code: string, id: string) => { code: string } | null }
    const context = { parse: (code: string) => parseAst(code), error: (message: string): never => { throw new Error(message) } }

    const { code } = plugin.transform.call(context, "const en = { app: { name: 'Billfold', back: 'Back to {business}' } }\nexport default en\n", '/src/locales/en.ts')!

    expect(code).not.toContain("'Billfold'")
    expect(code).toContain('"s":"Billfold"')
    expect(code).toContain('export default en')
    expect(plugin.transform.call(context, "export default { a: 'x' }", '/src/other.ts')).toBeNull()
    expect(() => plugin.transform.call(context, 'const en = { a: `x` }\nexport default en', '/src/locales/en.ts')).toThrow(/"a" must be a plain string/)
  })
})
