// Every staff action (app/(staff)/staff/actions/[action]/staff-actions.ts) by the role it needs: the
// authorization matrix posts each as an analyst and an admin; staff-action-roles.test.ts fails when an action
// is added without its line here.
export const ADMIN_ACTIONS = [
  "provider-create",
  "provider-update",
  "provider-key-add",
  "provider-key-revoke",
  "provider-sender-link",
  "number-range-add",
  "number-range-remove",
  "opposition-restore",
  "number-events-approve",
  "number-events-reject",
  "sender-create",
  "sender-update",
  "source-create",
  "source-update",
  "source-suspend",
  "source-resume",
  "admin-totp-policy",
];
export const ANALYST_ACTIONS = [
  "complaint-status",
  "complaint-note",
  "totp-confirm",
  "totp-disable",
  "integrity-alert-review",
];
