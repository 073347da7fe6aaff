import { onBeforeUnmount, ref } from 'vue'

/** Copies text to the clipboard; `copied` stays true for 1.5 s so the icon can show a check. */
export function useCopy(duration = 1500) {
  const copied = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined

  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text)
    } catch {
      return false
    }
    copied.value = true
    clearTimeout(timer)
    timer = setTimeout(() => (copied.value = false), duration)
    return true
  }

  onBeforeUnmount(() => clearTimeout(timer))
  return { copied, copy }
}
