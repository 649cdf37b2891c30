import type { ReactNode } from "react";

export interface TabOption<T extends string> {
  value: T;
  label: ReactNode;
  testId?: string;
}

/**
 * A row of tabs: one is selected, a click chooses another. `underline` for the panels
 * of a card (Card, Related work), `toggle` for two ways of showing one thing (Tree, Over time).
 */
export function Tabs<T extends string>(props: {
  options: readonly TabOption<T>[];
  value: T;
  onChange: (value: T) => void;
  label: string;
  look?: "underline" | "toggle";
}) {
  return (
    <div className={props.look === "toggle" ? "mode-toggle" : "tabs"} role="tablist" aria-label={props.label}>
      {props.options.map((option) => (
        <button
          key={option.value}
          type="button"
          role="tab"
          data-testid={option.testId}
          aria-selected={props.value === option.value}
          onClick={() => props.onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
