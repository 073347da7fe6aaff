import { readonly, ref } from 'vue'

export interface Toast {
  id: number
  text: string
  tone: 'success' | 'info'
}

const toasts = ref<Toast[]>([])
let nextId = 1

/** Short confirmations shown at the bottom of the portal and announced to screen readers. */
export function useToast() {
  function dismiss(id: number) {
    toasts.value = toasts.value.filter((toast) => toast.id !== id)
  }
  function show(text: string, tone: Toast['tone'] = 'success', ms = 5000) {
    const id = nextId++
    toasts.value = [...toasts.value, { id, text, tone }]
    setTimeout(() => dismiss(id), ms)
  }
  return { toasts: readonly(toasts), show, dismiss }
}
