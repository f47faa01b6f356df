/*
 * Ribbon commands. In the shared runtime this code runs in the task pane's page, so a command can
 * open the pane without a second JavaScript runtime.
 */

/** Opens the task pane; associated as the `showTaskpane` action for ribbon buttons and shortcuts. */
export async function showTaskpane(event?: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } finally {
    event?.completed();
  }
}

// Office.js is absent when the page is opened outside Office (e.g. the offline demo): then there is nothing to register.
if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady(() => {
    if (Office.actions) Office.actions.associate('showTaskpane', showTaskpane);
  });
}
