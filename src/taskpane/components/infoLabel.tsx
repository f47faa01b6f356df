import { InfoLabel } from '@fluentui/react-components';
import type { LabelProps } from '@fluentui/react-components';

/** A Field or Checkbox label with a Fluent InfoLabel hint (the "i" button that explains it in plain words). */
export function infoLabel(text: string, info: string) {
  return {
    children: (_: unknown, slotProps: LabelProps) => (
      <InfoLabel {...slotProps} info={info}>
        {text}
      </InfoLabel>
    ),
  };
}
