/** A small form on screen (k9s's dialogs): labelled text fields, Tab between them, Enter submits. */

/** One field of a dialog. */
export interface DialogField {
  label: string;
  value: string;
  /** Shown under the field (e.g. the ports a container has). */
  hint?: string;
}

export class Dialog {
  /** The field keys type into. */
  focus = 0;

  constructor(
    readonly title: string,
    readonly fields: DialogField[],
    /** Gets the values in field order; a promise holds later keys until it settles. */
    readonly onSubmit: (values: string[]) => void | Promise<void>,
  ) {}

  private get field(): DialogField | undefined {
    return this.fields[this.focus];
  }

  type(text: string): void {
    const field = this.field;
    if (field) field.value += text;
  }

  backspace(): void {
    const field = this.field;
    if (field) field.value = field.value.slice(0, -1);
  }

  clear(): void {
    const field = this.field;
    if (field) field.value = '';
  }

  next(): void {
    this.focus = (this.focus + 1) % this.fields.length;
  }

  previous(): void {
    this.focus = (this.focus + this.fields.length - 1) % this.fields.length;
  }

  values(): string[] {
    return this.fields.map((f) => f.value.trim());
  }
}
