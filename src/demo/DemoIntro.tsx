import { MessageBar, MessageBarBody } from '@fluentui/react-components';

const TEXT = {
  en:
    'Sample data (CDNOW transactions) is already selected: press “Use this data” in the pane. ' +
    'To use part of it, select it in the grid (drag, or Shift+arrow keys), choose “Current selection”, then ' +
    'press “Use this data”.',
  zh:
    '示例数据（CDNOW 交易记录）已选好：在右侧窗格中按“使用这些数据”。' +
    '只用其中一部分时，在表格中选择（拖动，或按 Shift+方向键），选“当前选定区域”，再按“使用这些数据”。',
} as const;

/** The demo's one-line introduction: what is selected and how to choose something else. */
export function DemoIntro(props: { language: 'en' | 'zh' }): JSX.Element {
  return (
    <MessageBar intent="info" data-testid="demo-intro">
      <MessageBarBody>{TEXT[props.language]}</MessageBarBody>
    </MessageBar>
  );
}
