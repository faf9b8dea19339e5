import type { DraftModel, EntryOf, ListName, SavePlan } from './draft-model';

/** What every part of the editor gets: the model, how to change it, and what the last save said. */
export interface PartProps {
  model: DraftModel;
  change(update: (model: DraftModel) => DraftModel): void;
  plan: SavePlan | undefined;
  serverErrors: Record<string, string[]>;
  lang: string;
  dir: 'rtl' | 'auto';
  readOnly: boolean;
}

/** The errors shown at one field of one entry: a value the contract refuses, or the API's 400. */
export function entryErrors(props: PartProps, key: string, field: string): string[] | undefined {
  const found = [
    ...(props.plan?.withheld[key]?.invalid[field] ?? []),
    ...(props.serverErrors[`${key}.${field}`] ?? []),
  ];
  return found.length ? found : undefined;
}

/** Changes one field of one entry of a list. */
export function setEntry<L extends ListName>(
  props: PartProps,
  list: L,
  key: string,
  patch: Partial<EntryOf<L>>,
): void {
  props.change((m) => ({
    ...m,
    [list]: (m[list] as Array<EntryOf<L>>).map((e) => (e.key === key ? { ...e, ...patch } : e)),
  }));
}

export function listActions<L extends ListName>(props: PartProps, list: L, blank: () => EntryOf<L>) {
  const entries = props.model[list] as Array<EntryOf<L>>;
  return {
    onAdd: () => props.change((m) => ({ ...m, [list]: [...(m[list] as Array<EntryOf<L>>), blank()] })),
    onRemove: (index: number) =>
      props.change((m) => ({ ...m, [list]: (m[list] as Array<EntryOf<L>>).filter((_, i) => i !== index) })),
    onMove: (index: number, by: -1 | 1) =>
      props.change((m) => {
        const next = [...(m[list] as Array<EntryOf<L>>)];
        const to = index + by;
        if (to < 0 || to >= next.length) return m;
        [next[index], next[to]] = [next[to]!, next[index]!];
        return { ...m, [list]: next };
      }),
    entries,
    withheld: props.plan?.withheld ?? {},
    readOnly: props.readOnly,
  };
}
