-- An account made with a one-time password (accounts imported in bulk) must choose its own at first sign-in.
-- Existing accounts chose or were given their passwords before this rule: they are not asked (0).
ALTER TABLE `users` ADD `must_change_password` integer DEFAULT 0 NOT NULL;
