import { nextTick, onBeforeUnmount, onMounted, type Ref, watch } from 'vue'

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

export interface ModalDialogOptions {
  open: () => boolean
  /** While true, Esc and backdrop clicks do not close (an action is running). */
  busy?: () => boolean
  /** Where focus goes on opening: the first match, else `fallbackFocus`. */
  initialFocus: string
  fallbackFocus: string
  onClose: () => void
}

/**
 * Modal behaviour on a native <dialog>: `showModal()` makes the page behind inert, Tab wraps
 * inside, Esc and backdrop clicks ask to close, and focus returns to the opener. Bind the returned
 * handlers to the dialog's `cancel`, `close`, `click` and `keydown` events.
 */
export function useModalDialog(dialog: Ref<HTMLDialogElement | undefined>, options: ModalDialogOptions) {
  let opener: HTMLElement | null = null

  async function show() {
    const element = dialog.value
    if (!element || element.open) return
    opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    element.showModal()
    await nextTick()
    const first = element.querySelector<HTMLElement>(options.initialFocus)
    ;(first ?? element.querySelector<HTMLElement>(options.fallbackFocus))?.focus()
  }

  watch(
    options.open,
    (open) => {
      if (open) void show()
      else if (dialog.value?.open) dialog.value.close()
    },
    { flush: 'post' },
  )
  onMounted(() => {
    if (options.open()) void show()
  })
  onBeforeUnmount(() => {
    if (dialog.value?.open) dialog.value.close()
  })

  function requestClose() {
    if (!options.busy?.()) options.onClose()
  }

  return {
    requestClose,
    restoreFocus() {
      const target = opener
      opener = null
      if (target?.isConnected) target.focus()
    },
    // Esc fires `cancel`; the parent decides (it sets `open` to false).
    onCancel(event: Event) {
      event.preventDefault()
      requestClose()
    },
    // A click on the backdrop (the dialog element itself, outside its panel).
    onClick(event: MouseEvent) {
      if (event.target === dialog.value) requestClose()
    },
    // Tab and Shift+Tab wrap around inside the dialog instead of leaving for the browser's controls.
    onKeydown(event: KeyboardEvent) {
      if (event.key !== 'Tab' || !dialog.value) return
      const focusable = [...dialog.value.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.offsetParent !== null)
      if (focusable.length === 0) return
      const first = focusable[0]
      const last = focusable[focusable.length - 1]
      const active = document.activeElement
      if (event.shiftKey && (active === first || !dialog.value.contains(active))) {
        event.preventDefault()
        last.focus()
      } else if (!event.shiftKey && (active === last || !dialog.value.contains(active))) {
        event.preventDefault()
        first.focus()
      }
    },
  }
}
