-- Settings an administrator changes from the staff area (audited), one row per setting.
-- require_admin_totp: administrators without a second factor keep only an analyst's rights until they enrol.
CREATE TABLE "platform_settings" (
    "key" TEXT PRIMARY KEY,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "updated_by" TEXT NOT NULL
);
