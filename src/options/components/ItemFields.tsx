import type { Category } from '../../core/category';
import {
  type ClippingFields,
  type ClippingProblem,
  PROBLEM_FIELD,
  PROBLEM_MESSAGES,
} from '../../core/clipping';
import type { Translate } from '../../core/messages';
import { NoteField } from '../../ui/NoteField';

/** The fields' suffixes in element ids, in the form's order. */
const SUFFIX: Readonly<Record<keyof ClippingFields, string>> = {
  title: 'title',
  url: 'url',
  note: 'note',
  categoryId: 'category',
};

/** The element id of `field` in a form whose ids start with `idPrefix` (`add`, `edit-<id>`). */
const fieldId = (idPrefix: string, field: keyof ClippingFields) => `${idPrefix}-${SUFFIX[field]}`;

/** The id of the first field, in the form's order, that `problems` are about: it takes focus after a refused save. */
export function firstProblemFieldId(
  idPrefix: string,
  problems: readonly ClippingProblem[],
): string | undefined {
  const fields = new Set(problems.map((problem) => PROBLEM_FIELD[problem]));
  const first = (Object.keys(SUFFIX) as (keyof ClippingFields)[]).find((field) => fields.has(field));
  return first && fieldId(idPrefix, first);
}

/** The problems left once `change` is typed: editing a field clears what was said about it. */
export function problemsAfter(
  problems: readonly ClippingProblem[],
  change: Partial<ClippingFields>,
): ClippingProblem[] {
  return problems.filter((problem) => !(PROBLEM_FIELD[problem] in change));
}

export interface ItemFieldsProps {
  /** Element ids are `<idPrefix>-title`, `-url`, `-note`, `-category`. */
  idPrefix: string;
  /** Test ids are `<testPrefix>-title`, ..., and `<testPrefix>-title-error`, ... for the messages. */
  testPrefix: string;
  fields: ClippingFields;
  problems: readonly ClippingProblem[];
  categories: readonly Category[];
  t: Translate;
  urlLabel: string;
  noteRows: number;
  autoFocusNote?: boolean;
  onEdit: (change: Partial<ClippingFields>) => void;
}

/**
 * Title, URL, note and category of an item, as the item editor and the add-item form both ask for them.
 * What stops a save is said under its field, which is marked invalid and described by it (WCAG 3.3.1),
 * so a screen reader reads the message with the field.
 */
export function ItemFields({
  idPrefix,
  testPrefix,
  fields,
  problems,
  categories,
  t,
  urlLabel,
  noteRows,
  autoFocusNote,
  onEdit,
}: ItemFieldsProps) {
  const errorOf = (field: keyof ClippingFields) => {
    const problem = problems.find((candidate) => PROBLEM_FIELD[candidate] === field);
    return problem && t(PROBLEM_MESSAGES[problem]);
  };
  const invalid = (field: keyof ClippingFields) => {
    const error = errorOf(field);
    const id = `${fieldId(idPrefix, field)}-error`;
    return {
      'aria-invalid': error ? ('true' as const) : undefined,
      'aria-describedby': error ? id : undefined,
      message: error && (
        <span id={id} class="field-error" data-testid={`${testPrefix}-${SUFFIX[field]}-error`}>
          {error}
        </span>
      ),
    };
  };
  const title = invalid('title');
  const url = invalid('url');
  const category = invalid('categoryId');
  return (
    <>
      <div class="field">
        <label for={fieldId(idPrefix, 'title')}>{t('fieldTitle')}</label>
        <input
          id={fieldId(idPrefix, 'title')}
          type="text"
          data-testid={`${testPrefix}-title`}
          value={fields.title}
          spellcheck={false}
          aria-invalid={title['aria-invalid']}
          aria-describedby={title['aria-describedby']}
          onInput={(event) => onEdit({ title: event.currentTarget.value })}
        />
        {title.message}
      </div>
      <div class="field">
        <label for={fieldId(idPrefix, 'url')}>{urlLabel}</label>
        {/* The URL keyboard; validation stays ours, so the browser's own bubble never interferes. */}
        <input
          id={fieldId(idPrefix, 'url')}
          type="text"
          inputMode="url"
          data-testid={`${testPrefix}-url`}
          value={fields.url}
          spellcheck={false}
          aria-invalid={url['aria-invalid']}
          aria-describedby={url['aria-describedby']}
          onInput={(event) => onEdit({ url: event.currentTarget.value })}
        />
        {url.message}
      </div>
      <NoteField
        id={fieldId(idPrefix, 'note')}
        testId={`${testPrefix}-note`}
        t={t}
        rows={noteRows}
        autoFocus={autoFocusNote}
        value={fields.note}
        onInput={(note) => onEdit({ note })}
      />
      <div class="field">
        <label for={fieldId(idPrefix, 'categoryId')}>{t('fieldCategory')}</label>
        <select
          id={fieldId(idPrefix, 'categoryId')}
          data-testid={`${testPrefix}-category`}
          value={fields.categoryId}
          aria-invalid={category['aria-invalid']}
          aria-describedby={category['aria-describedby']}
          onChange={(event) => onEdit({ categoryId: event.currentTarget.value })}
        >
          {categories.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
        {category.message}
      </div>
    </>
  );
}
