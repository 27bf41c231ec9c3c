// Generated from the API's OpenAPI document by `npm run web:api` (openapi-typescript). Do not edit:
// apps/api/test/web-api-client.e2e-spec.ts fails when this file no longer matches the API.

export interface paths {
    "/api/v1/admin/agreements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every agreement version, without bodies (admin)
         * @description **Access:** Staff: admin.
         */
        get: operations["CatalogAdminController_agreements"];
        put?: never;
        /**
         * Publish a new text of an agreement kind (admin)
         * @description **Access:** Staff: admin.
         */
        post: operations["CatalogAdminController_publishAgreement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who did what, before/after, when and from where — newest first (admin)
         * @description **Access:** Staff: admin.
         *
         *     Filters: actor (id), action, targetType, targetId, from (inclusive), to (exclusive).
         */
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/features": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every feature version (admin)
         * @description **Access:** Staff: admin.
         */
        get: operations["CatalogAdminController_features"];
        put?: never;
        /**
         * Publish a new version of a feature code (admin)
         * @description **Access:** Staff: admin.
         */
        post: operations["CatalogAdminController_publishFeature"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/features/{code}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retire the current version of a feature (admin)
         * @description **Access:** Staff: admin.
         */
        post: operations["CatalogAdminController_retireFeature"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/grading-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every grading rule set version, newest first, and which is active (admin)
         * @description **Access:** Staff: admin.
         */
        get: operations["GradingRulesController_list"];
        put?: never;
        /**
         * Store new grading rules as the next version, not active yet (admin)
         * @description **Access:** Staff: admin.
         */
        post: operations["GradingRulesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/grading-rules/{version}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make a version active and re-grade the inventory with it, as a job (admin)
         * @description **Access:** Staff: admin.
         *
         *     Only available, retired and quarantined numbers without a price override are re-graded: numbers held or sold keep the grade and fee their order was priced with.
         */
        post: operations["GradingRulesController_activate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/inventory/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Imports, newest first, keyset-paginated (admin)
         * @description **Access:** Staff: admin.
         */
        get: operations["InventoryImportsController_list"];
        put?: never;
        /**
         * Upload a CSV of numbers to import (admin)
         * @description **Access:** Staff: admin.
         *
         *     multipart/form-data with one `file` part (text/csv or text/plain, at most 200 MB): one number per line, or a header row with a `number` column. The import runs as a job; poll GET …/imports/:id for progress.
         */
        post: operations["InventoryImportsController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/inventory/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One import: progress (percent of bytes, lines/s, ETA, errors so far) and the rejected lines (admin)
         * @description **Access:** Staff: admin.
         */
        get: operations["InventoryImportsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/numbers/{number}/price": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Override the selection fee (admin)
         * @description **Access:** Staff: admin.
         *
         *     Kept by re-grades until removed. Refused once the number is sold; a held number’s order keeps its price.
         */
        put: operations["AdminNumbersController_overridePrice"];
        post?: never;
        /**
         * Remove a price override: the grading rules’ fee again (admin)
         * @description **Access:** Staff: admin.
         */
        delete: operations["AdminNumbersController_clearPrice"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/numbers/{number}/release-hold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Release a stuck hold (admin)
         * @description **Access:** Staff: admin.
         *
         *     A hold whose order is no longer live is released at once; a hold that ran out while its order still waits expires the order (as the hold timer would). A live, unexpired hold, or a paid order, is refused.
         */
        post: operations["AdminNumbersController_releaseHold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/numbers/{number}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take an available number off sale (admin)
         * @description **Access:** Staff: admin.
         */
        post: operations["AdminNumbersController_retire"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/numbers/{number}/unretire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Put a retired number back on sale (admin)
         * @description **Access:** Staff: admin.
         */
        post: operations["AdminNumbersController_unretire"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every plan version (admin)
         * @description **Access:** Staff: admin.
         */
        get: operations["CatalogAdminController_plans"];
        put?: never;
        /**
         * Publish a new version of a plan code (a new code starts at version 1) (admin)
         * @description **Access:** Staff: admin.
         */
        post: operations["CatalogAdminController_publishPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/plans/{code}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retire the current version of a plan: it is no longer sold (admin)
         * @description **Access:** Staff: admin.
         */
        post: operations["CatalogAdminController_retirePlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/queues/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A cookie for the queue dashboard at /admin/queues (admin)
         * @description **Access:** Staff: admin.
         *
         *     Sets a 15-minute HttpOnly, SameSite=Strict cookie scoped to /admin/queues, bound to this session: logging out, deactivation or losing the admin role ends it at once.
         */
        post: operations["QueueDashboardController_open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/regrade-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Re-grade runs, newest first, keyset-paginated (admin)
         * @description **Access:** Staff: admin.
         */
        get: operations["GradingRulesController_runs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/regrade-runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One re-grade run with its progress (percent, numbers/s, ETA) (admin)
         * @description **Access:** Staff: admin.
         */
        get: operations["GradingRulesController_run"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agreements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The agreements a customer signs, in their current versions, with sha256
         * @description **Access:** Anyone (no login).
         */
        get: operations["AgreementsController_agreements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log a customer in
         * @description **Access:** Anyone (no login).
         */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End this session: its access and refresh tokens stop working at once
         * @description **Access:** Any logged-in account.
         */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for the next access and refresh tokens (customers and staff)
         * @description **Access:** Anyone (no login).
         *
         *     Each refresh token works once; presenting a used one again ends the whole session.
         */
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register a business and log it in
         * @description **Access:** Anyone (no login).
         */
        post: operations["AuthController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The customer’s documents, newest first, keyset-paginated
         * @description **Access:** A logged-in business customer (only its own resources).
         */
        get: operations["DocumentsController_list"];
        put?: never;
        /**
         * Upload one document of a dossier
         * @description **Access:** A logged-in business customer (only its own resources).
         *
         *     multipart/form-data with a `kind` field and exactly one `file` part, in either order. JPG, PNG or PDF as decided by the file’s magic bytes (its name and declared type play no part), at most UPLOAD_MAX_BYTES; files that are also another format are refused. An upload not attached to a dossier within UPLOAD_ORPHAN_TTL is deleted.
         */
        post: operations["DocumentsController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/documents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One document’s details
         * @description **Access:** A logged-in business customer (only its own resources).
         */
        get: operations["DocumentsController_get"];
        put?: never;
        post?: never;
        /**
         * Delete a document no dossier uses (row and bytes)
         * @description **Access:** A logged-in business customer (only its own resources).
         */
        delete: operations["DocumentsController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/documents/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The document’s bytes, as a download
         * @description **Access:** A logged-in business customer (only its own resources).
         *
         *     Served with the type decided at upload, `Content-Disposition: attachment`, `X-Content-Type-Options: nosniff`, a sandboxing Content-Security-Policy and no caching.
         */
        get: operations["DocumentsController_content"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The customer’s dossiers, newest first, keyset-paginated
         * @description **Access:** A logged-in business customer (only its own resources).
         */
        get: operations["DossiersController_list"];
        put?: never;
        /**
         * Create a dossier (version 1) from the form and uploaded documents
         * @description **Access:** A logged-in business customer (only its own resources).
         */
        post: operations["DossiersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One dossier: its current version and the history of versions
         * @description **Access:** A logged-in business customer (only its own resources).
         */
        get: operations["DossiersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a version (update the dossier); earlier versions are kept
         * @description **Access:** A logged-in business customer (only its own resources).
         *
         *     `baseVersion` must be the current version, so two editors never overwrite each other.
         */
        post: operations["DossiersController_addVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{id}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One version of a dossier, with its documents
         * @description **Access:** A logged-in business customer (only its own resources).
         */
        get: operations["DossiersController_version"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/features": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The feature add-ons on sale now, with prices and exclusions, cheapest first
         * @description **Access:** Anyone (no login).
         */
        get: operations["CatalogController_features"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The logged-in account (customer or staff)
         * @description **Access:** Any logged-in account.
         */
        get: operations["MeController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/numbers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Numbers that can be bought now: every filter combinable, keyset-paginated
         * @description **Access:** Anyone (no login).
         *
         *     A 400 error has code INVALID_QUERY and, per parameter, one of: UNKNOWN_PARAMETER, DUPLICATE_PARAMETER, INVALID_DIGITS, TOO_LONG, UNKNOWN_BLOCK, UNKNOWN_CARRIER, UNKNOWN_GRADE, INVALID_PATTERN, UNKNOWN_PATTERN, INVALID_INTEGER, OUT_OF_RANGE, INVALID_BOOLEAN, INVALID_WORD, UNKNOWN_SORT, INVALID_MASK, MASK_TOO_SHORT, MASK_TOO_LONG, MASK_TOO_BROAD, INVALID_CURSOR, NOT_400, BLOCKS_CONFLICT_CARRIERS, NO_MATCHING_BLOCK, MASK_CONFLICTS_STARTS_WITH, MASK_CONFLICTS_ENDS_WITH, STARTS_WITH_CONFLICTS_ENDS_WITH, FEE_RANGE_EMPTY, EXCLUDED_DIGIT_REQUIRED.
         */
        get: operations["NumberSearchController_search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/numbers/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One number: grade, fee, explanation, the plan it needs, and whether it can be bought
         * @description **Access:** Anyone (no login).
         */
        get: operations["NumberLookupController_lookup"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/numbers/suggest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Near matches when a search finds nothing or too little
         * @description **Access:** Anyone (no login).
         */
        get: operations["NumberSearchController_suggest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The customer’s orders, newest first, keyset-paginated
         * @description **Access:** A logged-in business customer (only its own resources).
         */
        get: operations["OrdersController_list"];
        put?: never;
        /**
         * Hold a number for HOLD_TTL and open an order for it
         * @description **Access:** A logged-in business customer (only its own resources).
         *
         *     The order starts in `selecting`: choose a plan, sign, then pay before the hold ends.
         */
        post: operations["OrdersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One order: status, next step and deadline, price breakdown, signatures, timeline
         * @description **Access:** A logged-in business customer (only its own resources).
         */
        get: operations["OrdersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel the order; its number goes back on sale at once
         * @description **Access:** A logged-in business customer (only its own resources).
         *
         *     Allowed before activation; after payment the refund follows the refund policy.
         */
        post: operations["OrdersController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start paying a signed order: a Checkout Session in CNY (card, Alipay, WeChat Pay)
         * @description **Access:** A logged-in business customer (only its own resources).
         *
         *     The amount and lines are the order’s server-computed price. Calling again returns the same open session; a changed amount replaces it (the old one is expired). A hold ending within 31 minutes is extended so the session can live Stripe’s minimum 30 minutes (not counted against the customer’s extensions). The order moves on when the provider’s event arrives.
         */
        post: operations["OrderPaymentsController_checkout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/hold-extension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Extend the hold by HOLD_EXTENSION (HOLD_MAX_EXTENSIONS times at most)
         * @description **Access:** A logged-in business customer (only its own resources).
         */
        post: operations["OrderStepsController_extend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The order’s payments (newest first), each with its refunds
         * @description **Access:** A logged-in business customer (only its own resources).
         */
        get: operations["OrderPaymentsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/selection": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Choose the plan and features; the server prices them from the current catalog
         * @description **Access:** A logged-in business customer (only its own resources).
         *
         *     Only while `selecting` and the hold runs. Prices are never accepted from the client; choosing again replaces the previous choice.
         */
        put: operations["OrderStepsController_choose"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/signature": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign the current service and 400 supplement agreements; the order awaits payment
         * @description **Access:** A logged-in business customer (only its own resources).
         *
         *     Name the versions shown to the signer (GET /api/v1/agreements). Signer, time, IP and user agent are recorded with each version’s sha256. Signing again is a no-op.
         */
        post: operations["OrderStepsController_sign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/submissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The order’s submissions: status, dates, errors to fix, and rejection reasons
         * @description **Access:** A logged-in business customer (only its own resources).
         */
        get: operations["OrderSubmissionsController_list"];
        put?: never;
        /**
         * Submit a dossier version for an order awaiting documents; the order goes to review
         * @description **Access:** A logged-in business customer (only its own resources).
         */
        post: operations["OrderSubmissionsController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The plans on sale now, with their terms and prices, cheapest first
         * @description **Access:** Anyone (no login).
         */
        get: operations["CatalogController_plans"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reverification-tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The customer’s re-verification tasks, newest first
         * @description **Access:** A logged-in business customer (only its own resources).
         */
        get: operations["ServicesController_tasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reverification-tasks/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a task: re-sign the campaign’s supplement agreement, confirm or update the dossier
         * @description **Access:** A logged-in business customer (only its own resources).
         *
         *     Completing an overdue task resumes the line it suspended.
         */
        post: operations["ServicesController_complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The customer’s lines, newest first, keyset-paginated
         * @description **Access:** A logged-in business customer (only its own resources).
         */
        get: operations["ServicesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/services/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One line: status, number, dates, the next deadline and what happens then, timeline, tasks
         * @description **Access:** A logged-in business customer (only its own resources).
         */
        get: operations["ServicesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/services/{id}/reverify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-verify a line with a renewed dossier version (an expired licence or ID)
         * @description **Access:** A logged-in business customer (only its own resources).
         *
         *     A suspension for an expired licence or ID is lifted.
         */
        post: operations["ServicesController_reverify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log a staff member in
         * @description **Access:** Anyone (no login).
         */
        post: operations["StaffAuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/documents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One document’s details, with its owner
         * @description **Access:** Staff: reviewer, admin.
         */
        get: operations["StaffDocumentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/documents/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The document’s bytes, as a download (same headers as the customer’s)
         * @description **Access:** Staff: reviewer, admin.
         */
        get: operations["StaffDocumentsController_content"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The logged-in staff member
         * @description **Access:** Staff: sales, reviewer, admin.
         */
        get: operations["StaffAuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Staff members, oldest first, keyset-paginated
         * @description **Access:** Staff: admin.
         */
        get: operations["StaffMembersController_list"];
        put?: never;
        /**
         * Create (invite) a staff member
         * @description **Access:** Staff: admin.
         *
         *     Without `password`, a one-time password is generated and answered once, for the admin to hand over.
         */
        post: operations["StaffMembersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/members/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deactivate a staff member: no more logins, every session revoked at once
         * @description **Access:** Staff: admin.
         */
        post: operations["StaffMembersController_deactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/members/{id}/role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a staff member’s role; their sessions are revoked so the change bites at once
         * @description **Access:** Staff: admin.
         */
        patch: operations["StaffMembersController_changeRole"];
        trace?: never;
    };
    "/api/v1/staff/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Orders by status, assignee (`me` = my orders), carrier, grade, dates, aging, overdue; search; keyset pages
         * @description **Access:** Staff: sales, reviewer, admin.
         *
         *     Roles: sales, reviewer, admin.
         */
        get: operations["StaffOrdersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/orders/{id}/bank-transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a bank transfer (对公转账) that pays the order
         * @description **Access:** Staff: sales, admin.
         *
         *     Roles: sales, admin. The amount must be the order total. Moves the order as a card payment would: awaiting_payment → awaiting_documents (number locked, documents deadline set); expired → reclaimed when the number is free, else refunded in full (settled by hand) and cancelled. An open checkout session is left open (a later card payment is refunded as a duplicate).
         */
        post: operations["StaffActionsController_bankTransfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel the order with a reason
         * @description **Access:** Staff: sales, admin.
         *
         *     Roles: sales, admin. Any status before active; the number goes back on sale and a paid order is refunded per the refund policy. Cancelling a cancelled order changes nothing.
         */
        post: operations["StaffActionsController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/orders/{id}/deadline-extension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give the order more time: the documents deadline, or the hold of an unpaid order
         * @description **Access:** Staff: sales, admin.
         *
         *     Roles: sales, admin. `until` (a time) or `by` (`7d`, `12h`), and a reason. The new deadline must be later than the current one and at most 90 days out; the customer is told.
         */
        post: operations["StaffActionsController_extendDeadline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/orders/{id}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The order's messages, newest first (keyset pages)
         * @description **Access:** Staff: sales, reviewer, admin.
         *
         *     Roles: sales, reviewer, admin.
         */
        get: operations["StaffActionsController_notifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/orders/{id}/notifications/{notificationId}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send one of the order’s messages again (a copy, as it was first written)
         * @description **Access:** Staff: sales, admin.
         *
         *     Roles: sales, admin.
         */
        post: operations["StaffActionsController_resend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/orders/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The order's payments (checkout sessions, bank transfers) with their refunds
         * @description **Access:** Staff: sales, reviewer, admin.
         *
         *     Roles: sales, reviewer, admin.
         */
        get: operations["StaffActionsController_payments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/orders/{id}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund part or all of what is left of the order's payment
         * @description **Access:** Staff: admin.
         *
         *     Roles: admin. Recorded pending with the job that asks the provider; a bank-transfer payment is refunded by hand (settlement `manual`; settle it with POST /api/v1/staff/refunds/{refundId}/settle). With an Idempotency-Key, a repeat of the request answers 200 with the refund it made (`created: false`) and refunds nothing more; without one, each request is a new refund.
         */
        post: operations["StaffActionsController_refund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/orders/{orderId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One order: customer, assignee, price lines, deadlines
         * @description **Access:** Staff: sales, reviewer, admin.
         *
         *     Roles: sales, reviewer, admin.
         */
        get: operations["StaffOrdersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/orders/{orderId}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The order’s activity: transitions and timeline rows, notes, payments, refunds, notifications, documents, reviews, carrier applications, merged in time order
         * @description **Access:** Staff: sales, reviewer, admin.
         *
         *     Roles: sales, reviewer, admin.
         */
        get: operations["StaffOrdersController_activity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/orders/{orderId}/assignee": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hand the order to an active sales member (or to no one), with a reason
         * @description **Access:** Staff: sales, admin.
         *
         *     Roles: sales, admin. Written to the timeline (`assigned`) and the audit log.
         */
        post: operations["OrderNotesController_reassign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/orders/{orderId}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The order’s notes, newest first, keyset-paginated
         * @description **Access:** Staff: sales, reviewer, admin.
         *
         *     Roles: sales, reviewer, admin.
         */
        get: operations["OrderNotesController_notes"];
        put?: never;
        /**
         * Add a note (append-only); `@<email>` mentions notify those staff members
         * @description **Access:** Staff: sales, reviewer, admin.
         *
         *     Roles: sales, reviewer, admin.
         */
        post: operations["OrderNotesController_addNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/orders/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Counts per status with the same filters, and the median and longest time in each status
         * @description **Access:** Staff: sales, reviewer, admin.
         *
         *     Roles: sales, reviewer, admin.
         */
        get: operations["StaffOrdersController_board"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/refunds/{refundId}/settle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Settle a bank-transfer refund paid back by hand (settlement `manual`)
         * @description **Access:** Staff: admin.
         *
         *     Roles: admin. The pending refund succeeds: the payment’s refunded amount grows and the customer is told, as when a provider settles a refund. The bank reference and the date are kept in the audit log. Once only: a settled refund, or a provider’s, is refused.
         */
        post: operations["StaffRefundsController_settle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/reports/compliance-outlook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Lines to be suspended, terminated or released from quarantine in the next N days (all staff roles)
         * @description **Access:** Staff: sales, reviewer, admin.
         *
         *     Suspensions: active lines whose credentials lapse or whose re-verification task falls due; terminations: suspended lines reaching terminates_at; quarantine releases. Steps already due but not yet acted on are listed as overdue and counted today. Counts per China day, and the list (earliest first, capped at `limit`, with the total). JSON by default; CSV with `format=csv` or `Accept: text/csv`: UTF-8 with a BOM (Excel), a header row of the JSON row keys, the same `rows` as the JSON, sent as an attachment.
         */
        get: operations["ReportsController_complianceOutlook"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/reports/funnel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Funnel: searches → holds → signed → paid → documents submitted → approved → active (sales, admin)
         * @description **Access:** Staff: sales, admin.
         *
         *     Orders created in the period (China days), each followed to today: a step counts if the order ever reached it, even after the period. Searches are the storefront searches made in the period (first pages only), counted per hour: they cannot be split by carrier or grade. Per step: the count, the conversion from the step before, the median time from it. `from`/`to` are whole days in China (Asia/Shanghai), `to` included. JSON by default; CSV with `format=csv` or `Accept: text/csv`: UTF-8 with a BOM (Excel), a header row of the JSON row keys, the same `rows` as the JSON, sent as an attachment.
         */
        get: operations["ReportsController_funnel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/reports/revenue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Revenue by day or month, per carrier, grade or plan; refunds netted (sales, admin)
         * @description **Access:** Staff: sales, admin.
         *
         *     Paid payments by when they were paid, minus succeeded refunds by when they succeeded; every bucket of the period listed (zeros included). Money in fen and in yuan (2 decimals). `from`/`to` are whole days in China (Asia/Shanghai), `to` included. JSON by default; CSV with `format=csv` or `Accept: text/csv`: UTF-8 with a BOM (Excel), a header row of the JSON row keys, the same `rows` as the JSON, sent as an attachment.
         */
        get: operations["ReportsController_revenue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/reports/reviewers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Reviewer throughput and first-pass approval rate (all staff roles)
         * @description **Access:** Staff: sales, reviewer, admin.
         *
         *     Decisions made in the period, per reviewer: approvals, rejections, the share of first submissions approved, the median time from submission to decision. `from`/`to` are whole days in China (Asia/Shanghai), `to` included. JSON by default; CSV with `format=csv` or `Accept: text/csv`: UTF-8 with a BOM (Excel), a header row of the JSON row keys, the same `rows` as the JSON, sent as an attachment.
         */
        get: operations["ReportsController_reviewers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/reverification-campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Campaigns, newest first, with progress
         * @description **Access:** Staff: sales, reviewer, admin.
         */
        get: operations["StaffServicesController_campaigns"];
        put?: never;
        /**
         * Open a re-verification campaign (all lines, verified before a date, or a list) with a deadline
         * @description **Access:** Staff: reviewer, admin.
         *
         *     Starts `opening`; tasks are created in the background — poll for progress.
         */
        post: operations["StaffServicesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/reverification-campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One campaign: tasks created of the total (percent), and open / completed / overdue
         * @description **Access:** Staff: sales, reviewer, admin.
         */
        get: operations["StaffServicesController_campaign"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Submissions in a status (default awaiting_review), oldest first, keyset-paginated
         * @description **Access:** Staff: reviewer, admin.
         */
        get: operations["ReviewsController_queue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/reviews/{submissionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One submission: the form, the pre-check findings, the documents, the order, earlier decisions
         * @description **Access:** Staff: reviewer, admin.
         */
        get: operations["ReviewsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/reviews/{submissionId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve: the order goes to provisioning and the carrier application is filed
         * @description **Access:** Staff: reviewer, admin.
         */
        post: operations["ReviewsController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/reviews/{submissionId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject with reasons per document or field; the order goes back to awaiting documents
         * @description **Access:** Staff: reviewer, admin.
         */
        post: operations["ReviewsController_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Lines, newest first; filters: status, suspension reason, a step due within N days
         * @description **Access:** Staff: sales, reviewer, admin.
         */
        get: operations["StaffServicesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/services/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One line with its timeline (who did what) and tasks
         * @description **Access:** Staff: sales, reviewer, admin.
         */
        get: operations["StaffServicesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/services/{id}/flag": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A regulator flag: suspend the line (regulator_flag); terminated after the window
         * @description **Access:** Staff: reviewer, admin.
         */
        post: operations["StaffServicesController_flag"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/services/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lift a suspension (any reason)
         * @description **Access:** Staff: reviewer, admin.
         */
        post: operations["StaffServicesController_resume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/services/{id}/terminate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Terminate the line now (销户); the number rests in quarantine
         * @description **Access:** Staff: reviewer, admin.
         */
        post: operations["StaffServicesController_terminate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/stripe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stripe event delivery: verified on the raw body, stored once, applied by the worker
         * @description **Access:** Anyone (no login).
         *
         *     The Stripe-Signature header is checked against every configured secret (rotation) with 300 s tolerance before the body is read. Every verified event is stored under its id, whatever its type (the worker records the types it does not handle as ignored), and queued through the outbox in the same transaction; the answer does not wait for it to be applied.
         */
        post: operations["StripeWebhookController_stripe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether the database and the queue backend answer (200, or 503 naming what is down)
         * @description **Access:** Anyone (no login).
         */
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AccountResponse: {
            /** @description False for deactivated staff */
            active: boolean;
            /**
             * @description Customers only
             * @example 上海号码科技有限公司
             */
            companyName: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @example li.wei@example.com */
            email: string;
            /** Format: uuid */
            id: string;
            /**
             * @example customer
             * @enum {string}
             */
            kind: "customer" | "staff";
            /**
             * @description Customers only: 11 digits
             * @example 13800138000
             */
            mobile: string | null;
            /**
             * @description The customer's contact name, or the staff member's name
             * @example 李伟
             */
            name: string;
            /**
             * @description Staff only
             * @enum {string|null}
             */
            role: "sales" | "reviewer" | "admin" | null;
        };
        ActivityEntryResponse: {
            /** @description customer:<id>, staff:<id> or system:<part> */
            actor: string | null;
            /** Format: date-time */
            at: string;
            data: Record<string, never>;
            /** @description order.<timeline type> (order.transition, order.assigned, …), note, payment.created|paid, refund.requested|succeeded|failed, notification.sent|failed, document.uploaded|attached, submission.submitted|prechecked|approved|rejected|withdrawn, carrier.created|submitted|approved|rejected|… */
            kind: string;
            summary: string;
        };
        ActivityPageResponse: {
            items: components["schemas"]["ActivityEntryResponse"][];
            nextCursor: string | null;
        };
        AdminNumberResponse: {
            feeOverridden: boolean;
            /** Format: date-time */
            feeOverriddenAt: string | null;
            feeOverrideReason: string | null;
            grade: string;
            gradingVersion: number;
            /** Format: date-time */
            heldUntil: string | null;
            /** Format: uuid */
            holderOrderId: string | null;
            /** @example 4008123456 */
            number: string;
            /** @description release-hold: the holding order was expired */
            orderExpired?: boolean;
            selectionFeeFen: number;
            status: string;
        };
        AgreementListResponse: {
            /** @description One per kind (service, then supplement_400): all must be signed */
            items: components["schemas"]["AgreementResponse"][];
        };
        AgreementRefRequest: {
            /**
             * @example service
             * @enum {string}
             */
            kind: "service" | "supplement_400";
            /** @example 1 */
            version: number;
        };
        AgreementResponse: {
            /** @description The full text, Chinese then English (the Chinese governs) */
            body: string;
            /**
             * @example supplement_400
             * @enum {string}
             */
            kind: "service" | "supplement_400";
            /** Format: date-time */
            publishedAt: string;
            /**
             * @description sha256 of the UTF-8 body, hex
             * @example 3f0a…
             */
            sha256: string;
            /** @example 400 业务补充协议 · 400 Supplement Agreement */
            title: string;
            /**
             * @description Send it back when signing
             * @example 1
             */
            version: number;
        };
        AgreementVersionRequest: {
            basedOnVersion?: number;
            body: string;
            /** @enum {string} */
            kind: "service" | "supplement_400";
            title: string;
        };
        ApprovalResponse: {
            /** Format: uuid */
            carrierApplicationId: string;
            /** @enum {string} */
            status: "approved";
        };
        ApproveRequest: {
            /** @description For colleagues; not shown to the customer */
            note?: string;
        };
        AssigneeRequest: {
            /**
             * Format: uuid
             * @description An active sales member, or null to unassign
             */
            assigneeId: string | null;
            reason: string;
        };
        AssigneeResponse: {
            /** Format: uuid */
            assigneeId: string | null;
            /** @description false when the order already had this assignee */
            changed: boolean;
            /** Format: uuid */
            previousAssigneeId: string | null;
        };
        AuditEntryListResponse: {
            items: components["schemas"]["AuditEntryResponse"][];
            nextCursor: string | null;
        };
        AuditEntryResponse: {
            /** @example order.note_added */
            action: string;
            /** @example staff:6f1c… */
            actor: string;
            /** Format: uuid */
            actorId: string | null;
            /** @example sales */
            actorRole: string | null;
            /** @description The state after */
            after: Record<string, never> | null;
            /** @description The state before */
            before: Record<string, never> | null;
            /** Format: date-time */
            createdAt: string;
            /** @description Increasing with each row appended */
            id: string;
            ip: string | null;
            /** @example POST /api/v1/staff/orders/:id/notes */
            request: string | null;
            targetId: string | null;
            /** @example order */
            targetType: string;
            userAgent: string | null;
        };
        BankTransferRequest: {
            /**
             * @description Must equal the order total (fen)
             * @example 128000
             */
            amountFen: number;
            /** @example 北京某某科技有限公司 */
            payerName: string;
            /**
             * Format: date
             * @description The day the money arrived
             * @example 2026-11-27
             */
            receivedOn: string;
            /**
             * @description The bank reference; unique among bank transfers
             * @example ICBC20261128-000123
             */
            reference: string;
        };
        BankTransferResponse: {
            note: string | null;
            /** @description Checkout sessions still open for the order (left open) */
            openCheckoutPaymentIds: string[];
            /** Format: uuid */
            orderId: string;
            /** @example awaiting_documents */
            orderStatus: string;
            /**
             * @description What the payment did: number locked, reclaimed after expiry, or refunded (number taken)
             * @enum {string}
             */
            outcome: "locked" | "reclaimed" | "refunded_number_taken";
            payment: components["schemas"]["StaffPaymentResponse"];
            /** @example awaiting_payment */
            previousStatus: string;
            /** Format: uuid */
            refundId: string | null;
        };
        BoardColumnResponse: {
            count: number;
            medianSecondsInStatus: number | null;
            oldestSecondsInStatus: number | null;
            /** Format: date-time */
            oldestSince: string | null;
            /** @enum {string} */
            status: "selecting" | "awaiting_payment" | "awaiting_documents" | "under_review" | "provisioning" | "active" | "ended" | "expired" | "cancelled";
        };
        BoardResponse: {
            /**
             * Format: date-time
             * @description The instant the aging is measured at
             */
            asOf: string;
            columns: components["schemas"]["BoardColumnResponse"][];
            total: number;
        };
        CampaignCountsResponse: {
            completed: number;
            open: number;
            overdue: number;
        };
        CampaignListResponse: {
            items: components["schemas"]["CampaignResponse"][];
            nextCursor: string | null;
        };
        CampaignResponse: {
            /** Format: uuid */
            agreementId: string;
            counts: components["schemas"]["CampaignCountsResponse"];
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            /** Format: date-time */
            deadline: string;
            /** Format: uuid */
            id: string;
            name: string;
            percent: number;
            selection: Record<string, never>;
            /** @enum {string} */
            status: "opening" | "open" | "closed";
            tasksCreated: number;
            tasksTotal: number | null;
        };
        CampaignSelectionRequest: {
            /**
             * Format: date-time
             * @description verified_before: lines verified before then
             */
            before?: string;
            /** @enum {string} */
            kind: "all" | "verified_before" | "services";
            /** @description services: the lines */
            serviceIds?: string[];
        };
        CancelOrderRequest: {
            /** @example Chose another number */
            reason?: string;
        };
        CarrierResponse: {
            /**
             * @example telecom
             * @enum {string}
             */
            code: "telecom" | "unicom" | "mobile";
            /** @example China Telecom */
            name: string;
            /** @example 中国电信 */
            nameZh: string;
        };
        CatalogVersionsResponse: {
            /** @description Every version, by code then newest first; `retiredAt` null on the current one */
            items: Record<string, never>[];
        };
        ChangeStaffRoleRequest: {
            /**
             * @example reviewer
             * @enum {string}
             */
            role: "sales" | "reviewer" | "admin";
        };
        CheckoutResponse: {
            amount: components["schemas"]["MoneyResponse"];
            /** @description The hosted checkout page to send the customer to */
            checkoutUrl: string;
            /** @example CNY */
            currency: string;
            /**
             * Format: date-time
             * @description The session stops accepting payment then
             */
            expiresAt: string;
            /**
             * Format: date-time
             * @description The hold’s end (extended to cover the session)
             */
            holdUntil: string;
            /** Format: uuid */
            paymentId: string;
            /** @enum {string} */
            provider: "stripe" | "sandbox";
        };
        CompleteTaskRequest: {
            /**
             * Format: uuid
             * @description The campaign’s supplement agreement (re-signed)
             */
            agreementId: string;
            /** Format: uuid */
            dossierId: string;
            /** @example 张三 */
            signerName: string;
            /** @example 法定代表人 */
            signerTitle: string;
            version?: number;
        };
        ComplianceOutlookResponse: {
            /** Format: date-time */
            asOf: string;
            days: number;
            perDay: components["schemas"]["OutlookDayResponse"][];
            rows: components["schemas"]["OutlookRowResponse"][];
            /** @description Rows in all; `rows` holds the first `limit` */
            total: number;
            totals: components["schemas"]["OutlookTotalsResponse"];
            truncated: boolean;
            /** Format: date-time */
            until: string;
        };
        CreateCampaignRequest: {
            /**
             * Format: date-time
             * @description In the future
             */
            deadline: string;
            /** @example 2026 re-verification */
            name: string;
            selection: components["schemas"]["CampaignSelectionRequest"];
        };
        CreatedStaffMemberResponse: {
            /** @description False for deactivated staff */
            active: boolean;
            /**
             * @description Customers only
             * @example 上海号码科技有限公司
             */
            companyName: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @example li.wei@example.com */
            email: string;
            /** Format: uuid */
            id: string;
            /**
             * @example customer
             * @enum {string}
             */
            kind: "customer" | "staff";
            /**
             * @description Customers only: 11 digits
             * @example 13800138000
             */
            mobile: string | null;
            /**
             * @description The customer's contact name, or the staff member's name
             * @example 李伟
             */
            name: string;
            /** @description Only when no password was given: hand it over once */
            oneTimePassword?: string;
            /**
             * @description Staff only
             * @enum {string|null}
             */
            role: "sales" | "reviewer" | "admin" | null;
        };
        CreateOrderRequest: {
            /**
             * @description The number as people write it: 4008208888, 400-820-8888, +86 400 820 8888…
             * @example 400-820-8888
             */
            number: string;
        };
        CreateStaffMemberRequest: {
            /** @example wang.fang@haoma.cn */
            email: string;
            /** @example 王芳 */
            name: string;
            /** @description Initial password: at least 10 characters, not all of one kind. Left out: an invitation, answered once with a generated one-time password to hand over. */
            password?: string;
            /**
             * @example sales
             * @enum {string}
             */
            role: "sales" | "reviewer" | "admin";
        };
        DeadlineExtensionRequest: {
            /**
             * @description How much later than the current deadline: `<n>m`, `<n>h` or `<n>d`; or give `until`
             * @example 7d
             */
            by?: string;
            /** @example Business licence renewal in progress */
            reason: string;
            /**
             * Format: date-time
             * @description The new deadline; or give `by`
             */
            until?: string;
        };
        DeadlineExtensionResponse: {
            /** Format: date-time */
            from: string;
            /** @enum {string} */
            kind: "documents" | "hold";
            order: components["schemas"]["StaffOrderStateResponse"];
            /** Format: date-time */
            to: string;
        };
        DeadlineResponse: {
            /** Format: date-time */
            at: string;
            /** @enum {string} */
            kind: "hold" | "documents";
        };
        DocumentListResponse: {
            /** @description Newest first */
            items: components["schemas"]["DocumentResponse"][];
            /** @example 20 */
            limit: number;
            /** @description Pass as `cursor` for the next page; null on the last */
            nextCursor: string | null;
        };
        DocumentResponse: {
            /** @description Used by a dossier version: no longer deletable. Uploads not attached within UPLOAD_ORPHAN_TTL are deleted */
            attached: boolean;
            /**
             * @description Decided by the file’s magic bytes
             * @enum {string}
             */
            contentType: "image/jpeg" | "image/png" | "application/pdf";
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "business_licence" | "legal_rep_id_front" | "legal_rep_id_back" | "handler_id_front" | "handler_id_back" | "handler_holding_id" | "authorisation_letter" | "undertaking" | "industry_licence" | "multi_number_proof" | "destination_owner_id";
            /**
             * @description The uploaded file’s name, for display only
             * @example 营业执照.jpg
             */
            originalName: string;
            /** @example 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 */
            sha256: string;
            /** @example 482113 */
            sizeBytes: number;
            /** Format: date-time */
            uploadedAt: string;
        };
        DossierDocumentResponse: {
            /** @example image/jpeg */
            contentType: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "business_licence" | "legal_rep_id_front" | "legal_rep_id_back" | "handler_id_front" | "handler_id_back" | "handler_holding_id" | "authorisation_letter" | "undertaking" | "industry_licence" | "multi_number_proof" | "destination_owner_id";
            originalName: string;
            sizeBytes: number;
            /** Format: date-time */
            uploadedAt: string;
        };
        DossierListResponse: {
            items: components["schemas"]["DossierSummaryResponse"][];
            nextCursor: string | null;
        };
        DossierResponse: {
            companyName: string;
            /** Format: date-time */
            createdAt: string;
            current: components["schemas"]["DossierVersionResponse"];
            currentVersion: number;
            /** Format: uuid */
            id: string;
            purged: boolean;
            /** Format: date-time */
            updatedAt: string;
            /** @description Newest first */
            versions: components["schemas"]["DossierVersionSummaryResponse"][];
        };
        DossierSummaryResponse: {
            companyName: string;
            /** Format: date-time */
            createdAt: string;
            currentVersion: number;
            /** Format: uuid */
            id: string;
            purged: boolean;
            /** Format: date-time */
            updatedAt: string;
        };
        DossierVersionRequest: {
            /** @description Ids of the customer’s own uploaded documents */
            documentIds: string[];
            /** @description The DossierForm: company {name, uscc, licenceExpiresOn|null}, legalRepresentative {name, idNumber, idExpiresOn|null}, handler {name, idNumber, mobile, idExpiresOn|null}|null, destinations [{number, ownerName, ownerIdNumber}] (1–10), industry {regulated, licenceNumber?, licenceExpiresOn?}, undertakingSigned: true, undertakingSignerName */
            form: Record<string, never>;
        };
        DossierVersionResponse: {
            /** Format: date-time */
            createdAt: string;
            /** @example customer:… */
            createdBy: string;
            documents: components["schemas"]["DossierDocumentResponse"][];
            /** @description The DossierForm; null once purged */
            form: Record<string, never> | null;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            purgedAt: string | null;
            version: number;
        };
        DossierVersionSummaryResponse: {
            companyName: string;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            version: number;
        };
        FeatureListResponse: {
            /** @description Cheapest first */
            features: components["schemas"]["FeatureResponse"][];
        };
        FeatureResponse: {
            annualFee: components["schemas"]["MoneyResponse"];
            /** @example ivr */
            code: string;
            description: string;
            /**
             * @description Codes of features that cannot be ordered together with this one
             * @example [
             *       "ringback"
             *     ]
             */
            excludes: string[];
            /**
             * Format: uuid
             * @description This feature version; what an order points at
             */
            id: string;
            /** @example IVR voice menu */
            name: string;
            /** @example 语音导航 */
            nameZh: string;
            /** @example 1 */
            version: number;
        };
        FeatureVersionRequest: {
            annualFeeFen: number;
            basedOnVersion?: number;
            /** @example ivr */
            code: string;
            description: string;
            excludes?: string[];
            name: string;
            nameZh: string;
        };
        FindingResponse: {
            /** @example DOCUMENTS_MISSING */
            code: string;
            /** @description Reviewers only: e.g. the other accounts using a credential */
            details?: Record<string, never>;
            /** @example company.uscc */
            field: string;
            message: string;
            /** @enum {string} */
            severity: "error" | "warning" | "info";
        };
        FunnelReportResponse: {
            /** @enum {string} */
            by: "none" | "carrier" | "grade";
            /** @description How the cohort is chosen and followed */
            cohortRule: string;
            from: string;
            rows: components["schemas"]["FunnelRowResponse"][];
            searches: number;
            to: string;
        };
        FunnelRowResponse: {
            /** @description count / previous step count (4 decimals) */
            conversionRate: number | null;
            count: number;
            /** @description `all`, or the carrier / grade */
            group: string;
            /** @description Median seconds from the previous step, over orders that reached both */
            medianSecondsFromPrevious: number | null;
            /** @enum {string} */
            step: "searches" | "holds" | "signed" | "paid" | "documents_submitted" | "approved" | "active";
        };
        GradeResponse: {
            /**
             * @example gold
             * @enum {string}
             */
            code: "standard" | "silver" | "gold" | "platinum" | "diamond";
            /** @example Gold */
            name: string;
            /** @example 金号 */
            nameZh: string;
        };
        GradingRuleSetResponse: {
            active: boolean;
            /** Format: date-time */
            createdAt: string;
            /** @description The rules (data, see libs/domain grading) */
            rules: Record<string, never>;
            version: number;
        };
        GradingRulesRequest: {
            /** @description Grading rules as data (libs/domain GradingRules); `version` is assigned by the server */
            rules: Record<string, never>;
        };
        GradingRulesResponse: {
            activeVersion: number | null;
            versions: components["schemas"]["GradingRuleSetResponse"][];
        };
        ImportListResponse: {
            items: components["schemas"]["ImportResponse"][];
            nextCursor: string | null;
        };
        ImportQueuedResponse: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "queued";
        };
        ImportRejectionResponse: {
            /** @description The cell as written */
            input: string;
            /** @description 1-based line of the file */
            line: number;
            message: string;
            /**
             * @description A parse error code
             * @example TOO_SHORT
             */
            reason: string;
        };
        ImportResponse: {
            added: number;
            bytesRead: number;
            bytesTotal: number | null;
            error: string | null;
            /** @description Rejected lines so far (= rejected) */
            errorsSoFar: number;
            etaSeconds: number | null;
            /** Format: date-time */
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            linesRead: number;
            /** @description Of the file read (bytes), 0–100 */
            percent: number | null;
            /** @description Lines per second */
            rate: number;
            rejected: number;
            /** @description The rejected lines (the first 1000); only on GET …/imports/:id */
            rejections?: components["schemas"]["ImportRejectionResponse"][];
            skipped: number;
            /** @description The uploaded file name, or the CLI source */
            source: string;
            /** Format: date-time */
            startedAt: string;
            startedBy: string;
            /** @enum {string} */
            status: "queued" | "running" | "succeeded" | "failed";
        };
        InvalidNumberErrorResponse: {
            /**
             * @example INVALID_NUMBER
             * @enum {string}
             */
            code: "INVALID_NUMBER";
            /** @example A 400 number has 10 digits; this one has 9. */
            message: string;
            /**
             * @example TOO_SHORT
             * @enum {string}
             */
            reason: "EMPTY" | "INVALID_CHARACTER" | "INVALID_COUNTRY_CODE" | "NOT_400" | "TOO_SHORT" | "TOO_LONG" | "UNKNOWN_BLOCK";
            /** @example 400 */
            statusCode: number;
        };
        LocalisedTextResponse: {
            en: string;
            zh: string;
        };
        LoginRequest: {
            /** @example li.wei@example.com */
            email: string;
            /** @example correct horse battery 9 */
            password: string;
        };
        MoneyResponse: {
            /**
             * @description Amount in yuan, for display
             * @example ¥1,200.00
             */
            display: string;
            /**
             * @description Amount in fen (1 元 = 100 fen), an integer
             * @example 120000
             */
            fen: number;
        };
        NewDossierVersionRequest: {
            /** @description The version you edited: must still be the current one */
            baseVersion: number;
            /** @description Ids of the customer’s own uploaded documents */
            documentIds: string[];
            /** @description The DossierForm: company {name, uscc, licenceExpiresOn|null}, legalRepresentative {name, idNumber, idExpiresOn|null}, handler {name, idNumber, mobile, idExpiresOn|null}|null, destinations [{number, ownerName, ownerIdNumber}] (1–10), industry {regulated, licenceNumber?, licenceExpiresOn?}, undertakingSigned: true, undertakingSignerName */
            form: Record<string, never>;
        };
        NextDeadlineResponse: {
            /**
             * @description What happens then unless the customer acts
             * @enum {string}
             */
            action: "suspend" | "terminate";
            /** Format: date-time */
            at: string;
            /** @enum {string|null} */
            reason: "licence_expired" | "id_expired" | "regulator_flag" | "reverification_overdue" | null;
        };
        NextStepResponse: {
            /**
             * Format: date-time
             * @description The hold’s end while unpaid, the document deadline while awaiting documents, else null
             */
            deadline: string | null;
            /**
             * @example choose_plan_and_sign
             * @enum {string}
             */
            step: "choose_plan_and_sign" | "pay" | "submit_documents" | "wait_for_review" | "wait_for_activation" | "none";
        };
        NoteCreatedResponse: {
            author: components["schemas"]["StaffRefResponse"];
            body: string;
            /** Format: date-time */
            createdAt: string;
            id: string;
            mentions: components["schemas"]["StaffRefResponse"][];
            /** @description One per mentioned member but the author */
            notificationIds: string[];
            /** Format: uuid */
            orderId: string;
        };
        NoteRequest: {
            /** @description Plain text; mention staff as `@<their email>` to notify them */
            body: string;
        };
        NoteResponse: {
            author: components["schemas"]["StaffRefResponse"];
            body: string;
            /** Format: date-time */
            createdAt: string;
            id: string;
            mentions: components["schemas"]["StaffRefResponse"][];
            /** Format: uuid */
            orderId: string;
        };
        NotesPageResponse: {
            items: components["schemas"]["NoteResponse"][];
            nextCursor: string | null;
        };
        NumberPriceRequest: {
            /**
             * @description Selection fee in fen
             * @example 880000
             */
            feeFen: number;
            /** @example Customer complaint, checked by ops */
            reason: string;
        };
        NumberResponse: {
            /**
             * @example available
             * @enum {string}
             */
            availability: "available" | "held" | "taken";
            /** @example 4008 */
            block: string;
            carrier: components["schemas"]["CarrierResponse"];
            /** @description Cheapest current plan allowed for the grade; null if no current plan allows it */
            cheapestPlan: components["schemas"]["PlanSummaryResponse"] | null;
            /**
             * @description The canonical 10 digits
             * @example 4008208888
             */
            digits: string;
            /**
             * @description Standard 3-3-4 display form
             * @example 400-820-8888
             */
            display: string;
            /**
             * @description Why the number has its grade
             * @example tail AAAA 8888
             */
            explanation: string;
            grade: components["schemas"]["GradeResponse"];
            /**
             * @description The grouping that shows the pattern off best
             * @example 3-3-4
             * @enum {string}
             */
            grouping: "3-3-4" | "4-3-3" | "3-4-3";
            /**
             * Format: date-time
             * @description When a held number is released unless its order goes ahead; null unless held
             */
            heldUntil: string | null;
            /**
             * @description The number written in that grouping
             * @example 400-820-8888
             */
            patternDisplay: string;
            /** @description One-off fee for choosing this number */
            selectionFee: components["schemas"]["MoneyResponse"];
            tags: components["schemas"]["PatternTagResponse"][];
        };
        NumberSearchResponse: {
            /** @description Numbers that can be bought now */
            items: components["schemas"]["NumberSummaryResponse"][];
            /** @example 20 */
            limit: number;
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
        };
        NumberSuggestionResponse: {
            /** @example 4008 */
            block: string;
            carrier: components["schemas"]["CarrierResponse"];
            /** @description Cheapest current plan allowed for the grade; null if no current plan allows it */
            cheapestPlan: components["schemas"]["PlanSummaryResponse"] | null;
            /**
             * @description The canonical 10 digits
             * @example 4008208888
             */
            digits: string;
            /**
             * @description Standard 3-3-4 display form
             * @example 400-820-8888
             */
            display: string;
            /**
             * @description Why the number has its grade
             * @example tail AAAA 8888
             */
            explanation: string;
            grade: components["schemas"]["GradeResponse"];
            /**
             * @description The grouping that shows the pattern off best
             * @example 3-3-4
             * @enum {string}
             */
            grouping: "3-3-4" | "4-3-3" | "3-4-3";
            /**
             * @description The number written in that grouping
             * @example 400-820-8888
             */
            patternDisplay: string;
            /**
             * @description Why it is suggested: the same tail in another block, one digit off, the same pattern elsewhere, or it contains the digits asked for
             * @enum {string}
             */
            reason: "same_tail" | "one_digit_off" | "same_pattern" | "contains";
            /** @description One-off fee for choosing this number */
            selectionFee: components["schemas"]["MoneyResponse"];
            tags: components["schemas"]["PatternTagResponse"][];
        };
        NumberSuggestionsResponse: {
            items: components["schemas"]["NumberSuggestionResponse"][];
        };
        NumberSummaryResponse: {
            /** @example 4008 */
            block: string;
            carrier: components["schemas"]["CarrierResponse"];
            /** @description Cheapest current plan allowed for the grade; null if no current plan allows it */
            cheapestPlan: components["schemas"]["PlanSummaryResponse"] | null;
            /**
             * @description The canonical 10 digits
             * @example 4008208888
             */
            digits: string;
            /**
             * @description Standard 3-3-4 display form
             * @example 400-820-8888
             */
            display: string;
            /**
             * @description Why the number has its grade
             * @example tail AAAA 8888
             */
            explanation: string;
            grade: components["schemas"]["GradeResponse"];
            /**
             * @description The grouping that shows the pattern off best
             * @example 3-3-4
             * @enum {string}
             */
            grouping: "3-3-4" | "4-3-3" | "3-4-3";
            /**
             * @description The number written in that grouping
             * @example 400-820-8888
             */
            patternDisplay: string;
            /** @description One-off fee for choosing this number */
            selectionFee: components["schemas"]["MoneyResponse"];
            tags: components["schemas"]["PatternTagResponse"][];
        };
        NumberUnavailableErrorResponse: {
            /** @enum {string} */
            code: "NUMBER_UNAVAILABLE";
            /**
             * Format: date-time
             * @description When the hold on it ends unless that order goes ahead; null when sold or retired
             */
            heldUntil: string | null;
            message: string;
            /** @example 409 */
            statusCode: number;
            suggestions: components["schemas"]["NumberSuggestionResponse"][];
        };
        OrderListResponse: {
            /** @description Newest first */
            items: components["schemas"]["OrderSummaryResponse"][];
            /** @example 20 */
            limit: number;
            /** @description Pass as `cursor` for the next page; null on the last */
            nextCursor: string | null;
        };
        OrderNumberResponse: {
            /** @example 4008208888 */
            digits: string;
            /** @example 400-820-8888 */
            display: string;
        };
        OrderResponse: {
            /** @description Why the order ended (expired, cancelled) */
            closedReason: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            documentsDueAt: string | null;
            /**
             * @description The number’s grade when it was held
             * @example gold
             */
            grade: string;
            /**
             * @description How many more times the hold can be extended
             * @example 1
             */
            holdExtensionsLeft: number;
            /** Format: date-time */
            holdUntil: string | null;
            /** Format: uuid */
            id: string;
            nextStep: components["schemas"]["NextStepResponse"];
            number: components["schemas"]["OrderNumberResponse"];
            /**
             * @description Human order number
             * @example 1024
             */
            orderNo: string;
            /** @description Null until a plan is chosen */
            price: components["schemas"]["PriceResponse"] | null;
            /** @description One-off fee for the number, kept from hold time */
            selectionFee: components["schemas"]["MoneyResponse"];
            signatures: components["schemas"]["SignatureResponse"][];
            /**
             * @example selecting
             * @enum {string}
             */
            status: "selecting" | "awaiting_payment" | "awaiting_documents" | "under_review" | "provisioning" | "active" | "ended" | "expired" | "cancelled";
            /** Format: date-time */
            statusChangedAt: string;
            /** @description Oldest first */
            timeline: components["schemas"]["TimelineEntryResponse"][];
            /** @description Null until a plan is chosen */
            total: components["schemas"]["MoneyResponse"] | null;
        };
        OrderSummaryResponse: {
            /** Format: date-time */
            createdAt: string;
            /**
             * @description The number’s grade when it was held
             * @example gold
             */
            grade: string;
            /** Format: date-time */
            holdUntil: string | null;
            /** Format: uuid */
            id: string;
            nextStep: components["schemas"]["NextStepResponse"];
            number: components["schemas"]["OrderNumberResponse"];
            /**
             * @description Human order number
             * @example 1024
             */
            orderNo: string;
            /**
             * @example selecting
             * @enum {string}
             */
            status: "selecting" | "awaiting_payment" | "awaiting_documents" | "under_review" | "provisioning" | "active" | "ended" | "expired" | "cancelled";
            /** @description Null until a plan is chosen */
            total: components["schemas"]["MoneyResponse"] | null;
        };
        OutlookDayResponse: {
            day: string;
            quarantineReleases: number;
            suspensions: number;
            terminations: number;
        };
        OutlookRowResponse: {
            /** Format: date-time */
            at: string;
            carrier: string;
            companyName: string;
            /** Format: uuid */
            customerId: string;
            /** @description China day; overdue steps count today */
            day: string;
            /** @enum {string} */
            kind: "suspension" | "termination" | "quarantine_release";
            number: string;
            overdue: boolean;
            reason: string | null;
            /** Format: uuid */
            serviceId: string;
        };
        OutlookTotalsResponse: {
            quarantineReleases: number;
            suspensions: number;
            terminations: number;
        };
        PatternTagResponse: {
            /**
             * @description `tail` when the pattern ends the number
             * @example tail
             * @enum {string}
             */
            position: "tail" | "middle";
            /**
             * @example AAAA
             * @enum {string}
             */
            tag: "AAAAA+" | "AAABBB" | "AABBCC" | "ABCABC" | "ABBABB" | "AABAA" | "AAABB" | "AABBB" | "ABCDE+" | "EDCBA+" | "AAAA" | "ABCD" | "DCBA" | "AABB" | "ABBA" | "AAAB" | "ABAB" | "AAA" | "ABC" | "CBA" | "G1314" | "G888" | "G520" | "G168" | "G518" | "LUCKY8" | "LUCKY6" | "LUCKY9" | "HAS4";
        };
        PaymentListResponse: {
            /** @description Newest first */
            items: components["schemas"]["PaymentResponse"][];
            /** @description Pass as `cursor` for the next page; null on the last */
            nextCursor: string | null;
        };
        PaymentResponse: {
            amount: components["schemas"]["MoneyResponse"];
            /** @description Where to pay, while the session is open */
            checkoutUrl: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @example CNY */
            currency: string;
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: uuid */
            id: string;
            /** @description The lines this payment charges */
            lines: components["schemas"]["PriceLineResponse"][];
            /** Format: date-time */
            paidAt: string | null;
            /** @enum {string} */
            provider: "stripe" | "sandbox" | "bank_transfer";
            refunded: components["schemas"]["MoneyResponse"];
            refunds: components["schemas"]["RefundResponse"][];
            /** @enum {string} */
            status: "open" | "paid" | "failed" | "expired" | "superseded";
        };
        PipelineCustomerResponse: {
            companyName: string;
            email: string;
            /** Format: uuid */
            id: string;
        };
        PipelineItemResponse: {
            assignee: components["schemas"]["StaffRefResponse"] | null;
            /** @enum {string} */
            carrier: "telecom" | "unicom" | "mobile";
            /** Format: date-time */
            createdAt: string;
            customer: components["schemas"]["PipelineCustomerResponse"];
            /** @enum {string} */
            grade: "standard" | "silver" | "gold" | "platinum" | "diamond";
            /** Format: uuid */
            id: string;
            nextDeadline: components["schemas"]["DeadlineResponse"] | null;
            /** @example 4008208888 */
            number: string;
            /** @example 1042 */
            orderNo: string;
            /** @description The deadline of the current status has passed */
            overdue: boolean;
            /** Format: date-time */
            paidAt: string | null;
            /** @enum {string} */
            status: "selecting" | "awaiting_payment" | "awaiting_documents" | "under_review" | "provisioning" | "active" | "ended" | "expired" | "cancelled";
            /** Format: date-time */
            statusChangedAt: string;
            timeInStatusSeconds: number;
            /** @description fen */
            totalFen: number | null;
        };
        PipelinePageResponse: {
            items: components["schemas"]["PipelineItemResponse"][];
            nextCursor: string | null;
        };
        PlanListResponse: {
            /** @description Cheapest first */
            plans: components["schemas"]["PlanResponse"][];
        };
        PlanResponse: {
            /**
             * @description Number grades this plan may be sold with
             * @example [
             *       "standard",
             *       "silver"
             *     ]
             */
            allowedGrades: ("standard" | "silver" | "gold" | "platinum" | "diamond")[];
            /** @description Paid per year of the term */
            annualFee: components["schemas"]["MoneyResponse"];
            /** @example standard */
            code: string;
            /**
             * Format: uuid
             * @description This plan version; what an order points at
             */
            id: string;
            /**
             * @description Minutes the annual fee pays for (annual fee ÷ per-minute rate); unused minutes lapse
             * @example 8000
             */
            includedMinutes: number;
            /** @description Least billed per month (annual fee ÷ 12) */
            monthlyMinimum: components["schemas"]["MoneyResponse"];
            /** @example Standard */
            name: string;
            /** @example 标准套餐 */
            nameZh: string;
            /** @description Price of one call minute */
            perMinuteRate: components["schemas"]["MoneyResponse"];
            /**
             * @description Minimum contract length in months
             * @example 12
             */
            termMonths: number;
            /**
             * @description Version of the plan; a new price is a new version
             * @example 1
             */
            version: number;
        };
        PlanSummaryResponse: {
            annualFee: components["schemas"]["MoneyResponse"];
            /** @example business */
            code: string;
            /** Format: uuid */
            id: string;
            /** @example Business */
            name: string;
            /** @example 商务套餐 */
            nameZh: string;
            /** @example 1 */
            version: number;
        };
        PlanVersionRequest: {
            allowedGrades: ("standard" | "silver" | "gold" | "platinum" | "diamond")[];
            annualFeeFen: number;
            /** @description The version edited: refused if another came since */
            basedOnVersion?: number;
            /** @example standard */
            code: string;
            includedMinutes?: number;
            monthlyMinimumFen?: number;
            name: string;
            nameZh: string;
            perMinuteFen: number;
            termMonths: number;
        };
        PriceLineResponse: {
            amount: components["schemas"]["MoneyResponse"];
            /** @example business */
            code: string;
            /** @enum {string} */
            kind: "selection_fee" | "plan" | "feature";
            /** @example Business */
            name: string;
            /** @example 商务套餐 */
            nameZh: string;
            /** @description Catalog version priced from; null for the fee */
            version: number | null;
        };
        PriceResponse: {
            /** @description Selection fee, the plan’s first year (plans are prepaid annually), then each feature */
            lines: components["schemas"]["PriceLineResponse"][];
            /** Format: date-time */
            pricedAt: string;
            total: components["schemas"]["MoneyResponse"];
        };
        QueueDashboardSessionResponse: {
            /** Format: date-time */
            expiresAt: string;
            /** @example /admin/queues */
            path: string;
        };
        ReasonRequest: {
            /** @example Customer complaint, checked by ops */
            reason: string;
        };
        RefreshRequest: {
            /** @description The `refreshToken` of the last login or refresh */
            refreshToken: string;
        };
        RefundResponse: {
            amount: components["schemas"]["MoneyResponse"];
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @example cancelled_before_review */
            reason: string;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed" | "cancelled";
            /** Format: date-time */
            updatedAt: string;
        };
        RefundSettlementRequest: {
            /**
             * @description The bank reference of the transfer back to the customer
             * @example ICBC20261203-000456
             */
            reference: string;
            /**
             * Format: date
             * @description The day the money left
             * @example 2026-12-03
             */
            settledOn: string;
        };
        RegisterRequest: {
            /** @example 上海号码科技有限公司 */
            companyName: string;
            /** @example 李伟 */
            contactName: string;
            /**
             * @description The login; compared case-insensitively
             * @example li.wei@example.com
             */
            email: string;
            /**
             * @description Mainland China mobile number; spaces, dashes and +86 are accepted
             * @example +86 138 0013 8000
             */
            mobile: string;
            /**
             * @description 10–128 characters, not all of one kind
             * @example correct horse battery 9
             */
            password: string;
        };
        RegradeRunListResponse: {
            items: components["schemas"]["RegradeRunResponse"][];
            nextCursor: string | null;
        };
        RegradeRunResponse: {
            /** @description Numbers whose grade or fee changed */
            changed: number;
            error: string | null;
            etaSeconds: number | null;
            /** Format: date-time */
            finishedAt: string | null;
            graded: number;
            gradingVersion: number;
            /** Format: uuid */
            id: string;
            percent: number | null;
            /** @description Numbers per second */
            rate: number;
            /** Format: date-time */
            startedAt: string;
            startedBy: string;
            /** @enum {string} */
            status: "running" | "succeeded" | "failed";
            total: number | null;
        };
        RejectionReasonRequest: {
            /** @enum {string} */
            code: "ILLEGIBLE" | "EXPIRED" | "NAME_MISMATCH" | "SEAL_MISSING" | "WRONG_DOCUMENT" | "INCOMPLETE" | "SIGNATURE_MISSING" | "ALTERED" | "BORROWED_CREDENTIALS" | "OTHER";
            /** Format: uuid */
            documentId?: string;
            /**
             * @description A document kind or a form field
             * @example business_licence
             */
            target: string;
            /** @description Your words to the customer; the code’s text when absent */
            text?: string;
        };
        RejectionReasonResponse: {
            /** @example SEAL_MISSING */
            code: string;
            /** Format: uuid */
            documentId: string | null;
            /** @example business_licence */
            target: string;
            text: components["schemas"]["LocalisedTextResponse"];
        };
        RejectionResponse: {
            /** Format: date-time */
            documentsDueAt: string;
            /** @enum {string} */
            status: "rejected";
        };
        RejectRequest: {
            /** @description For colleagues; not shown to the customer */
            note?: string;
            /** @description At least one */
            reasons: components["schemas"]["RejectionReasonRequest"][];
        };
        ResendNotificationResponse: {
            /** @description Which resend of the original this is */
            attempt: number;
            notification: components["schemas"]["StaffNotificationResponse"];
            /** Format: uuid */
            originalId: string;
        };
        RevenueReportResponse: {
            /** @enum {string} */
            by: "none" | "carrier" | "grade" | "plan";
            from: string;
            /** @enum {string} */
            interval: "day" | "month";
            rows: components["schemas"]["RevenueRowResponse"][];
            to: string;
            totals: components["schemas"]["RevenueTotalsResponse"];
        };
        RevenueRowResponse: {
            /**
             * @description YYYY-MM-DD or YYYY-MM (China)
             * @example 2026-01-31
             */
            bucket: string;
            /** @description `all`, or the carrier / grade / plan code (`none`: no plan) */
            group: string;
            netFen: number;
            /** @description yuan, two decimals (also in fen beside it) */
            netYuan: string;
            paidFen: number;
            /**
             * @description yuan, two decimals (also in fen beside it)
             * @example 1200.00
             */
            paidYuan: string;
            payments: number;
            refundedFen: number;
            /** @description yuan, two decimals (also in fen beside it) */
            refundedYuan: string;
            refunds: number;
        };
        RevenueTotalsResponse: {
            netFen: number;
            /** @description yuan, two decimals (also in fen beside it) */
            netYuan: string;
            paidFen: number;
            /**
             * @description yuan, two decimals (also in fen beside it)
             * @example 1200.00
             */
            paidYuan: string;
            payments: number;
            refundedFen: number;
            /** @description yuan, two decimals (also in fen beside it) */
            refundedYuan: string;
            refunds: number;
        };
        ReverifyRequest: {
            /** Format: uuid */
            dossierId: string;
            version?: number;
        };
        ReviewerReportResponse: {
            from: string;
            rows: components["schemas"]["ReviewerRowResponse"][];
            to: string;
            total: components["schemas"]["ReviewerTotalsResponse"];
        };
        ReviewerRowResponse: {
            approvals: number;
            decisions: number;
            email: string | null;
            firstPassApprovalRate: number | null;
            firstPassApprovals: number;
            /** @description Decisions on an order’s first submission */
            firstSubmissionDecisions: number;
            /** @description Submitted → decided, median seconds */
            medianDecisionSeconds: number | null;
            name: string | null;
            rejections: number;
            /** @example staff:… */
            reviewer: string;
        };
        ReviewerTotalsResponse: {
            approvals: number;
            decisions: number;
            firstPassApprovalRate: number | null;
            firstPassApprovals: number;
            /** @description Decisions on an order’s first submission */
            firstSubmissionDecisions: number;
            /** @description Submitted → decided, median seconds */
            medianDecisionSeconds: number | null;
            rejections: number;
        };
        ReviewQueueItemResponse: {
            companyName: string;
            customerEmail: string;
            number: string;
            /** Format: uuid */
            orderId: string;
            orderNo: string;
            sequence: number;
            /** @enum {string} */
            status: "prechecking" | "awaiting_review" | "approved" | "rejected" | "withdrawn";
            /** Format: uuid */
            submissionId: string;
            /** Format: date-time */
            submittedAt: string;
            /** @enum {string|null} */
            worstSeverity: "error" | "warning" | "info" | null;
        };
        ReviewQueueResponse: {
            items: components["schemas"]["ReviewQueueItemResponse"][];
            nextCursor: string | null;
        };
        ReviewResponse: {
            /** @description Each with contentUrl: /api/v1/staff/documents/<id>/content */
            documents: Record<string, never>[];
            /** @description id, version, versionId, form (the DossierForm) */
            dossier: Record<string, never>;
            /** @description The order’s other submissions and their decisions */
            earlierSubmissions: Record<string, never>[];
            findings: components["schemas"]["FindingResponse"][];
            /** Format: uuid */
            id: string;
            /** @description Order summary with its customer */
            order: Record<string, never>;
            sequence: number;
            /** @enum {string} */
            status: "prechecking" | "awaiting_review" | "approved" | "rejected" | "withdrawn";
        };
        SelectionRequest: {
            /**
             * @description Codes of features on sale (GET /api/v1/features), each once; may be empty
             * @example [
             *       "ivr",
             *       "recording"
             *     ]
             */
            featureCodes: string[];
            /**
             * @description Code of a plan on sale (GET /api/v1/plans)
             * @example business
             */
            planCode: string;
        };
        ServiceDetailResponse: {
            /** Format: date-time */
            activatedAt: string;
            carrier: string;
            /** Format: date-time */
            credentialsExpireAt: string | null;
            /** Format: uuid */
            dossierId: string;
            dossierVersion: number;
            /** Format: uuid */
            id: string;
            nextDeadline: components["schemas"]["NextDeadlineResponse"] | null;
            /** @example 4008208888 */
            number: string;
            /** @example 400-820-8888 */
            numberDisplay: string;
            /** Format: uuid */
            orderId: string;
            /** Format: date-time */
            quarantineUntil: string | null;
            /** @enum {string} */
            status: "active" | "suspended" | "terminated";
            /** Format: date-time */
            suspendedAt: string | null;
            /** @enum {string|null} */
            suspensionReason: "licence_expired" | "id_expired" | "regulator_flag" | "reverification_overdue" | null;
            tasks: components["schemas"]["TaskResponse"][];
            /** Format: date-time */
            termEndsAt: string;
            /** Format: date-time */
            terminatedAt: string | null;
            /** Format: date-time */
            terminatesAt: string | null;
            timeline: components["schemas"]["ServiceTimelineEntryResponse"][];
            /** Format: date-time */
            verifiedAt: string;
        };
        ServiceListResponse: {
            items: components["schemas"]["ServiceResponse"][];
            nextCursor: string | null;
        };
        ServiceResponse: {
            /** Format: date-time */
            activatedAt: string;
            carrier: string;
            /** Format: date-time */
            credentialsExpireAt: string | null;
            /** Format: uuid */
            dossierId: string;
            dossierVersion: number;
            /** Format: uuid */
            id: string;
            nextDeadline: components["schemas"]["NextDeadlineResponse"] | null;
            /** @example 4008208888 */
            number: string;
            /** @example 400-820-8888 */
            numberDisplay: string;
            /** Format: uuid */
            orderId: string;
            /** Format: date-time */
            quarantineUntil: string | null;
            /** @enum {string} */
            status: "active" | "suspended" | "terminated";
            /** Format: date-time */
            suspendedAt: string | null;
            /** @enum {string|null} */
            suspensionReason: "licence_expired" | "id_expired" | "regulator_flag" | "reverification_overdue" | null;
            /** Format: date-time */
            termEndsAt: string;
            /** Format: date-time */
            terminatedAt: string | null;
            /** Format: date-time */
            terminatesAt: string | null;
            /** Format: date-time */
            verifiedAt: string;
        };
        ServiceTimelineEntryResponse: {
            /** @description customer, staff or system (staff see who) */
            actor: string;
            /** Format: date-time */
            at: string;
            data: Record<string, never> | null;
            /** @example suspended */
            event: string;
            fromStatus: string | null;
            id: string;
            reason: string | null;
            toStatus: string;
        };
        SessionResponse: {
            /** @description Send as `Authorization: Bearer <accessToken>`; short-lived */
            accessToken: string;
            /** Format: date-time */
            accessTokenExpiresAt: string;
            account: components["schemas"]["AccountResponse"];
            /** @description Exchange at POST /api/v1/auth/refresh for the next pair; works once (a reuse ends the session) */
            refreshToken: string;
            /**
             * Format: date-time
             * @description End of the session: log in again after it
             */
            refreshTokenExpiresAt: string;
            /**
             * @example Bearer
             * @enum {string}
             */
            tokenType: "Bearer";
        };
        SignatureRequest: {
            /** @description The versions shown to the signer: the current one of every kind (GET /api/v1/agreements) */
            agreements: components["schemas"]["AgreementRefRequest"][];
            /** @example 李伟 */
            signerName: string;
            /** @example 总经理 */
            signerTitle: string;
        };
        SignatureResponse: {
            /** @enum {string} */
            agreementKind: "service" | "supplement_400";
            /**
             * @description sha256 of the text signed
             * @example ab12…
             */
            agreementSha256: string;
            /** @example 1 */
            agreementVersion: number;
            /** Format: date-time */
            signedAt: string;
            /** @example 李伟 */
            signerName: string;
            /** @example 总经理 */
            signerTitle: string;
        };
        StaffAssigneeResponse: {
            active: boolean;
            email: string;
            /** Format: uuid */
            id: string;
            name: string;
        };
        StaffCancelRequest: {
            /** @example Customer asked by phone */
            reason: string;
        };
        StaffDocumentResponse: {
            /** @description Used by a dossier version: no longer deletable. Uploads not attached within UPLOAD_ORPHAN_TTL are deleted */
            attached: boolean;
            /** Format: date-time */
            attachedAt: string | null;
            /**
             * @description Decided by the file’s magic bytes
             * @enum {string}
             */
            contentType: "image/jpeg" | "image/png" | "application/pdf";
            /** Format: uuid */
            customerId: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "business_licence" | "legal_rep_id_front" | "legal_rep_id_back" | "handler_id_front" | "handler_id_back" | "handler_holding_id" | "authorisation_letter" | "undertaking" | "industry_licence" | "multi_number_proof" | "destination_owner_id";
            /**
             * @description The uploaded file’s name, for display only
             * @example 营业执照.jpg
             */
            originalName: string;
            /** @example 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 */
            sha256: string;
            /** @example 482113 */
            sizeBytes: number;
            /** Format: date-time */
            uploadedAt: string;
        };
        StaffMemberListResponse: {
            items: components["schemas"]["AccountResponse"][];
            /** @description Pass as `cursor` for the next page; null on the last */
            nextCursor: string | null;
        };
        StaffNotificationListResponse: {
            items: components["schemas"]["StaffNotificationResponse"][];
            nextCursor: string | null;
        };
        StaffNotificationResponse: {
            attempts: number;
            body: string;
            /** @example email */
            channel: string;
            /** Format: date-time */
            createdAt: string;
            dedupeKey: string;
            /** Format: uuid */
            id: string;
            lastError: string | null;
            recipient: string;
            /** Format: date-time */
            sentAt: string | null;
            /** @enum {string} */
            status: "pending" | "sent" | "failed";
            subject: string;
            template: string;
        };
        StaffOrderCustomerResponse: {
            companyName: string;
            contactName: string;
            email: string;
            /** Format: uuid */
            id: string;
            mobile: string;
        };
        StaffOrderResponse: {
            /** Format: date-time */
            assignedAt: string | null;
            assignee: components["schemas"]["StaffAssigneeResponse"] | null;
            /** @enum {string} */
            carrier: "telecom" | "unicom" | "mobile";
            closedReason: string | null;
            /** Format: date-time */
            createdAt: string;
            customer: components["schemas"]["StaffOrderCustomerResponse"];
            /** Format: date-time */
            documentsDueAt: string | null;
            /** @enum {string} */
            grade: "standard" | "silver" | "gold" | "platinum" | "diamond";
            holdExtensions: number;
            /** Format: date-time */
            holdUntil: string | null;
            /** Format: uuid */
            id: string;
            nextDeadline: components["schemas"]["DeadlineResponse"] | null;
            number: string;
            orderNo: string;
            overdue: boolean;
            /** Format: date-time */
            paidAt: string | null;
            /** Format: date-time */
            pricedAt: string | null;
            priceLines: components["schemas"]["StaffPriceLineResponse"][];
            selectionFeeFen: number;
            /** @enum {string} */
            status: "selecting" | "awaiting_payment" | "awaiting_documents" | "under_review" | "provisioning" | "active" | "ended" | "expired" | "cancelled";
            /** Format: date-time */
            statusChangedAt: string;
            timeInStatusSeconds: number;
            totalFen: number | null;
            /** Format: date-time */
            updatedAt: string;
        };
        StaffOrderStateResponse: {
            closedReason: string | null;
            /** Format: date-time */
            documentsDueAt: string | null;
            /** Format: date-time */
            holdUntil: string | null;
            /** Format: uuid */
            id: string;
            number: string;
            orderNo: string;
            /** Format: date-time */
            paidAt: string | null;
            status: string;
        };
        StaffPaymentListResponse: {
            items: components["schemas"]["StaffPaymentResponse"][];
        };
        StaffPaymentResponse: {
            amountFen: number;
            /** Format: date-time */
            appliedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            /** @example CNY */
            currency: string;
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: uuid */
            id: string;
            lines: components["schemas"]["StaffPriceLineResponse"][];
            /** @example locked */
            outcome: string | null;
            /** Format: date-time */
            paidAt: string | null;
            /** @enum {string} */
            provider: "stripe" | "sandbox" | "bank_transfer";
            providerPaymentId: string | null;
            /** @description Checkout session id, or the bank reference */
            providerSessionId: string;
            refundedFen: number;
            refunds: components["schemas"]["StaffRefundResponse"][];
            /** @enum {string} */
            status: "open" | "paid" | "failed" | "expired" | "superseded";
        };
        StaffPriceLineResponse: {
            amountFen: number;
            code: string;
            /** @enum {string} */
            kind: "selection_fee" | "plan" | "feature";
            name: string;
            nameZh: string;
            version: number | null;
        };
        StaffReasonRequest: {
            /** @example MIIT notice 2026-114 */
            reason: string;
        };
        StaffRefResponse: {
            email: string;
            /** Format: uuid */
            id: string;
            name: string;
        };
        StaffRefundIssuedResponse: {
            /** @description False: a repeat of an earlier request with the same Idempotency-Key, answered with its refund */
            created: boolean;
            /** Format: uuid */
            orderId: string;
            /** Format: uuid */
            paymentId: string;
            refund: components["schemas"]["StaffRefundResponse"];
            /** @description Left of the payment to refund after this refund */
            remainingFen: number;
        };
        StaffRefundRequest: {
            /**
             * @description At most what is left of the payment
             * @example 20000
             */
            amountFen: number;
            /** @example Goodwill: activation was two days late */
            reason: string;
        };
        StaffRefundResponse: {
            amountFen: number;
            /** Format: date-time */
            createdAt: string;
            /** @example staff:… */
            createdBy: string;
            failureReason: string | null;
            /** Format: uuid */
            id: string;
            /** @example staff */
            reason: string;
            /**
             * @description `manual`: a bank-transfer payment; staff pay it back from the company account
             * @enum {string}
             */
            settlement: "provider" | "manual";
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed" | "cancelled";
            /** Format: date-time */
            updatedAt: string;
        };
        StaffRefundSettledResponse: {
            /** Format: uuid */
            orderId: string;
            /** Format: uuid */
            paymentId: string;
            refund: components["schemas"]["StaffRefundResponse"];
            /** @description The payment's refunded amount, this refund included */
            refundedFen: number;
        };
        StaffServiceDetailResponse: {
            /** Format: date-time */
            activatedAt: string;
            carrier: string;
            /** Format: date-time */
            credentialsExpireAt: string | null;
            /** Format: uuid */
            customerId: string;
            /** Format: uuid */
            dossierId: string;
            dossierVersion: number;
            /** Format: uuid */
            id: string;
            nextDeadline: components["schemas"]["NextDeadlineResponse"] | null;
            /** @example 4008208888 */
            number: string;
            /** @example 400-820-8888 */
            numberDisplay: string;
            /** Format: date-time */
            numberReleasedAt: string | null;
            /** Format: uuid */
            orderId: string;
            /** Format: date-time */
            quarantineUntil: string | null;
            /** Format: date-time */
            recordsPurgeAt: string | null;
            /** Format: date-time */
            recordsPurgedAt: string | null;
            /** @enum {string} */
            status: "active" | "suspended" | "terminated";
            /** Format: date-time */
            suspendedAt: string | null;
            /** @enum {string|null} */
            suspensionReason: "licence_expired" | "id_expired" | "regulator_flag" | "reverification_overdue" | null;
            tasks: components["schemas"]["TaskResponse"][];
            /** Format: date-time */
            termEndsAt: string;
            /** Format: date-time */
            terminatedAt: string | null;
            /** Format: date-time */
            terminatesAt: string | null;
            timeline: components["schemas"]["ServiceTimelineEntryResponse"][];
            /** Format: date-time */
            verifiedAt: string;
        };
        StaffServiceListResponse: {
            items: components["schemas"]["StaffServiceResponse"][];
            nextCursor: string | null;
        };
        StaffServiceResponse: {
            /** Format: date-time */
            activatedAt: string;
            carrier: string;
            /** Format: date-time */
            credentialsExpireAt: string | null;
            /** Format: uuid */
            customerId: string;
            /** Format: uuid */
            dossierId: string;
            dossierVersion: number;
            /** Format: uuid */
            id: string;
            nextDeadline: components["schemas"]["NextDeadlineResponse"] | null;
            /** @example 4008208888 */
            number: string;
            /** @example 400-820-8888 */
            numberDisplay: string;
            /** Format: date-time */
            numberReleasedAt: string | null;
            /** Format: uuid */
            orderId: string;
            /** Format: date-time */
            quarantineUntil: string | null;
            /** Format: date-time */
            recordsPurgeAt: string | null;
            /** Format: date-time */
            recordsPurgedAt: string | null;
            /** @enum {string} */
            status: "active" | "suspended" | "terminated";
            /** Format: date-time */
            suspendedAt: string | null;
            /** @enum {string|null} */
            suspensionReason: "licence_expired" | "id_expired" | "regulator_flag" | "reverification_overdue" | null;
            /** Format: date-time */
            termEndsAt: string;
            /** Format: date-time */
            terminatedAt: string | null;
            /** Format: date-time */
            terminatesAt: string | null;
            /** Format: date-time */
            verifiedAt: string;
        };
        SubmissionListResponse: {
            /** @description Oldest first */
            items: components["schemas"]["SubmissionResponse"][];
        };
        SubmissionResponse: {
            /** Format: date-time */
            decidedAt: string | null;
            /** Format: uuid */
            dossierId: string;
            dossierVersion: number;
            /** @description Errors to fix only */
            findings: components["schemas"]["FindingResponse"][];
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            precheckedAt: string | null;
            rejectionReasons: components["schemas"]["RejectionReasonResponse"][];
            sequence: number;
            /** @enum {string} */
            status: "prechecking" | "awaiting_review" | "approved" | "rejected" | "withdrawn";
            /** Format: date-time */
            submittedAt: string;
        };
        SubmitDossierRequest: {
            /** Format: uuid */
            dossierId: string;
            /** @description Defaults to the current version */
            version?: number;
        };
        TaskListResponse: {
            items: components["schemas"]["TaskResponse"][];
            nextCursor: string | null;
        };
        TaskResponse: {
            /**
             * Format: uuid
             * @description The supplement agreement to re-sign
             */
            agreementId: string;
            /** Format: uuid */
            campaignId: string;
            campaignName: string;
            /** Format: date-time */
            completedAt: string | null;
            /** Format: date-time */
            dueAt: string;
            /** Format: uuid */
            id: string;
            number: string;
            /** Format: uuid */
            serviceId: string;
            /** @enum {string} */
            status: "open" | "completed" | "overdue";
        };
        TimelineActorResponse: {
            /** @description Account id, or the part of the system (`hold-timer`, `sweeper`) */
            id: string;
            /** @enum {string} */
            kind: "customer" | "staff" | "system";
        };
        TimelineEntryResponse: {
            actor: components["schemas"]["TimelineActorResponse"];
            /** Format: date-time */
            at: string;
            /**
             * @description The workflow event of a transition
             * @enum {string|null}
             */
            event: "sign" | "hold_expired" | "payment_confirmed" | "late_payment_confirmed" | "late_payment_refunded" | "documents_submitted" | "documents_deadline_passed" | "review_rejected" | "review_approved" | "carrier_rejected" | "carrier_activated" | "service_terminated" | "cancel" | null;
            /** @enum {string|null} */
            from: "selecting" | "awaiting_payment" | "awaiting_documents" | "under_review" | "provisioning" | "active" | "ended" | "expired" | "cancelled" | null;
            reason: string | null;
            /** @enum {string|null} */
            to: "selecting" | "awaiting_payment" | "awaiting_documents" | "under_review" | "provisioning" | "active" | "ended" | "expired" | "cancelled" | null;
            /** @enum {string} */
            type: "created" | "transition" | "priced" | "hold_extended" | "signed" | "assigned" | "deadline_extended";
        };
        WebhookReceiptResponse: {
            /** @description The event was received before; nothing was done this time */
            duplicate: boolean;
            /** @example true */
            received: boolean;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    CatalogAdminController_agreements: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogVersionsResponse"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CatalogAdminController_publishAgreement: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AgreementVersionRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description CATALOG_INVALID, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CATALOG_VERSION_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                action?: string;
                /** @description The acting staff member (or customer) */
                actor?: string;
                /** @description `nextCursor` of the previous page */
                cursor?: string;
                /** @description Rows at or after this instant */
                from?: string;
                limit?: number;
                targetId?: string;
                targetType?: string;
                /** @description Rows before this instant */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEntryListResponse"];
                };
            };
            /** @description VALIDATION_FAILED; INVALID_QUERY (a cursor not handed out, from ≥ to) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CatalogAdminController_features: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogVersionsResponse"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CatalogAdminController_publishFeature: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FeatureVersionRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description CATALOG_INVALID, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CATALOG_VERSION_CONFLICT */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CatalogAdminController_retireFeature: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CATALOG_NOT_FOUND (no current version) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GradingRulesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GradingRulesResponse"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GradingRulesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GradingRulesRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GradingRuleSetResponse"];
                };
            };
            /** @description GRADING_RULES_INVALID with `problems`, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GradingRulesController_activate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegradeRunResponse"];
                };
            };
            /** @description GRADING_RULES_INVALID (no such version, or invalid rules) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description REGRADE_IN_PROGRESS */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InventoryImportsController_list: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportListResponse"];
                };
            };
            /** @description VALIDATION_FAILED, INVALID_QUERY (cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InventoryImportsController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportQueuedResponse"];
                };
            };
            /** @description IMPORT_FILE_INVALID, VALIDATION_FAILED, MALFORMED_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UPLOAD_TOO_LARGE */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UPLOAD_NOT_MULTIPART, UPLOAD_TYPE_NOT_ALLOWED */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InventoryImportsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResponse"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description IMPORT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AdminNumbersController_overridePrice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NumberPriceRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminNumberResponse"];
                };
            };
            /** @description INVALID_NUMBER, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NUMBER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CONFLICT: the number is sold */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AdminNumbersController_clearPrice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminNumberResponse"];
                };
            };
            /** @description INVALID_NUMBER, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NUMBER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CONFLICT: the number is sold */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AdminNumbersController_releaseHold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminNumberResponse"];
                };
            };
            /** @description INVALID_NUMBER, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NUMBER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NUMBER_NOT_HELD; CONFLICT: a live order holds it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AdminNumbersController_retire: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminNumberResponse"];
                };
            };
            /** @description INVALID_NUMBER, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NUMBER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NUMBER_NOT_RETIRABLE: the number is not available */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AdminNumbersController_unretire: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminNumberResponse"];
                };
            };
            /** @description INVALID_NUMBER, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NUMBER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NUMBER_NOT_RETIRABLE: the number is not retired */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CatalogAdminController_plans: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogVersionsResponse"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CatalogAdminController_publishPlan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanVersionRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description CATALOG_INVALID, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CATALOG_VERSION_CONFLICT (basedOnVersion is not the latest) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CatalogAdminController_retirePlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CATALOG_NOT_FOUND (no current version) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    QueueDashboardController_open: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueDashboardSessionResponse"];
                };
            };
            /** @description FORBIDDEN: not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GradingRulesController_runs: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegradeRunListResponse"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    GradingRulesController_run: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegradeRunResponse"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description REGRADE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AgreementsController_agreements: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgreementListResponse"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResponse"];
                };
            };
            /** @description INVALID_CREDENTIALS */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ACCOUNT_LOCKED after repeated failures, or RATE_LIMITED; both with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Logged out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResponse"];
                };
            };
            /** @description INVALID_REFRESH_TOKEN or SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResponse"];
                };
            };
            /** @description VALIDATION_FAILED, with per field one of: REQUIRED, TOO_LONG, INVALID_TEXT, INVALID_EMAIL, INVALID_MOBILE, PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, PASSWORD_TOO_SIMPLE, INVALID_ROLE */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description EMAIL_TAKEN (emails are compared case-insensitively) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DocumentsController_list: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentListResponse"];
                };
            };
            /** @description VALIDATION_FAILED, or INVALID_QUERY for a cursor we did not hand out */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DocumentsController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                    /** @enum {string} */
                    kind: "business_licence" | "legal_rep_id_front" | "legal_rep_id_back" | "handler_id_front" | "handler_id_back" | "handler_holding_id" | "authorisation_letter" | "undertaking" | "industry_licence" | "multi_number_proof" | "destination_owner_id";
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentResponse"];
                };
            };
            /** @description UPLOAD_KIND_INVALID, UPLOAD_FILENAME_INVALID (with `reason`), UPLOAD_EMPTY, UPLOAD_TOO_MANY_FILES, VALIDATION_FAILED (no file, unexpected parts), MALFORMED_REQUEST */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UPLOAD_QUOTA_EXCEEDED (with `quota`: files or bytes) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UPLOAD_TOO_LARGE (with `maxBytes`) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UPLOAD_NOT_MULTIPART, UPLOAD_TYPE_NOT_ALLOWED, UPLOAD_POLYGLOT (with `reason`) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DocumentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentResponse"];
                };
            };
            /** @description DOCUMENT_NOT_FOUND (also for another customer’s document) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DocumentsController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description DOCUMENT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CONFLICT: the document is attached to a dossier version */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DocumentsController_content: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                    "image/jpeg": string;
                    "image/png": string;
                };
            };
            /** @description DOCUMENT_NOT_FOUND (also for another customer’s document) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DossiersController_list: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierListResponse"];
                };
            };
            /** @description VALIDATION_FAILED, INVALID_QUERY (cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DossiersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DossierVersionRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierResponse"];
                };
            };
            /** @description DOSSIER_INVALID (fields: form.<path> with codes), DOSSIER_DOCUMENT_NOT_USABLE (documentIds), VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DossiersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierResponse"];
                };
            };
            /** @description DOSSIER_NOT_FOUND (also for another customer’s) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DossiersController_addVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewDossierVersionRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierResponse"];
                };
            };
            /** @description DOSSIER_INVALID, DOSSIER_DOCUMENT_NOT_USABLE, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description DOSSIER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description DOSSIER_VERSION_CONFLICT (with currentVersion) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DossiersController_version: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierVersionResponse"];
                };
            };
            /** @description DOSSIER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CatalogController_features: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeatureListResponse"];
                };
            };
        };
    };
    MeController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountResponse"];
                };
            };
            /** @description UNAUTHENTICATED, TOKEN_EXPIRED or SESSION_REVOKED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NumberSearchController_search: {
        parameters: {
            query?: {
                /** @description One or several blocks, e.g. `4008,4009` */
                block?: unknown;
                /** @description `telecom`, `unicom`, `mobile` (one or several) */
                carrier?: unknown;
                /** @description Digits in a row among the 7 after 400 */
                contains?: unknown;
                /** @description The `nextCursor` of the previous page */
                cursor?: unknown;
                /** @description Last digits, e.g. `8888` */
                endsWith?: unknown;
                /** @description Digits that must not appear after 400, e.g. `4` */
                excludeDigits?: unknown;
                /** @description One or several of standard, silver, gold, platinum, diamond */
                grade?: unknown;
                /** @description 1–100, default 20 */
                limit?: unknown;
                /** @description `true`: has 8/6/9 three times or a lucky group (520, 1314, 168, 518, 888) */
                lucky?: unknown;
                /** @description Whole-number glob: `?` one digit, `*` any run: `400*88*8888`, `4008??6666` */
                mask?: unknown;
                /** @description Greatest selection fee, in fen */
                maxFee?: unknown;
                /** @description Least selection fee, in fen */
                minFee?: unknown;
                /** @description Pattern tag with position, e.g. `tail:AABB`, `any:ABAB` (several: all must hold) */
                pattern?: unknown;
                /** @description `fee_asc` (default), `fee_desc`, `grade_desc` (best grade, then cheapest), or `relevance`: numbers that best answer the text filters first — each match of startsWith, endsWith, mask, contains, word, pattern or lucky scores 10 at the tail, 1 in the middle — then as `grade_desc`. A cursor only continues the sort it came from. */
                sort?: "fee_asc" | "fee_desc" | "grade_desc" | "relevance";
                /** @description Prefix of the number (`400` may be left out) */
                startsWith?: unknown;
                /** @description Keypad letters matched against the digits, e.g. `FLOWERS` */
                word?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NumberSearchResponse"];
                };
            };
            /** @description INVALID_QUERY, with the parameters at fault and their codes */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NumberLookupController_lookup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The number as people write it, URL-encoded: 4008208888, 400-820-8888, 400 820 8888, (400) 820-8888, +86 400 820 8888, 0086…, full-width digits… */
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NumberResponse"];
                };
            };
            /** @description Not a 400 number */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvalidNumberErrorResponse"];
                };
            };
            /** @description `NUMBER_NOT_FOUND`: a valid 400 number we do not have */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NumberSearchController_suggest: {
        parameters: {
            query: {
                /** @description 1–50, default 12 */
                limit?: unknown;
                /** @description A 400 number, or 1–7 digits or keypad letters */
                q: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NumberSuggestionsResponse"];
                };
            };
            /** @description INVALID_QUERY */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrdersController_list: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page */
                cursor?: string;
                limit?: number;
                /** @description Only orders in this status */
                status?: "selecting" | "awaiting_payment" | "awaiting_documents" | "under_review" | "provisioning" | "active" | "ended" | "expired" | "cancelled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderListResponse"];
                };
            };
            /** @description VALIDATION_FAILED, or INVALID_QUERY for a cursor we did not hand out */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrdersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrderRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderResponse"];
                };
            };
            /** @description INVALID_NUMBER, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvalidNumberErrorResponse"];
                };
            };
            /** @description NUMBER_NOT_FOUND: a valid 400 number we do not have */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NUMBER_UNAVAILABLE (held: with `heldUntil`; with suggestions), or HOLD_LIMIT_REACHED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NumberUnavailableErrorResponse"];
                };
            };
        };
    };
    OrdersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderResponse"];
                };
            };
            /** @description VALIDATION_FAILED: the id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ORDER_NOT_FOUND (also for another customer’s order) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrdersController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CancelOrderRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderResponse"];
                };
            };
            /** @description ORDER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ORDER_TRANSITION_NOT_ALLOWED (already active or expired); a repeated cancel is a no-op */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrderPaymentsController_checkout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckoutResponse"];
                };
            };
            /** @description VALIDATION_FAILED: the id is not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ORDER_NOT_FOUND (also for another customer’s order) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ORDER_NOT_PAYABLE (not awaiting payment, with `status`), ORDER_HOLD_EXPIRED, PAYMENT_IN_PROGRESS (the previous session was completed and is being applied) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description PAYMENT_PROVIDER_UNAVAILABLE: retrying is safe */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrderStepsController_extend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderResponse"];
                };
            };
            /** @description ORDER_NOT_FOUND (also for another customer’s order) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description HOLD_EXTENSION_LIMIT, ORDER_HOLD_EXPIRED, ORDER_NOT_EDITABLE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrderPaymentsController_list: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentListResponse"];
                };
            };
            /** @description VALIDATION_FAILED, INVALID_QUERY (a cursor that is not ours) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ORDER_NOT_FOUND (also for another customer’s order) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrderStepsController_choose: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SelectionRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderResponse"];
                };
            };
            /** @description VALIDATION_FAILED, PLAN_NOT_FOUND, FEATURE_NOT_FOUND, PLAN_NOT_ALLOWED_FOR_GRADE (with `cheapestPlanCode`), FEATURES_CONFLICT (with the two `featureCodes`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ORDER_NOT_FOUND (also for another customer’s order) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ORDER_NOT_EDITABLE, ORDER_HOLD_EXPIRED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrderStepsController_sign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignatureRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderResponse"];
                };
            };
            /** @description VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ORDER_NOT_FOUND (also for another customer’s order) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description AGREEMENT_OUTDATED (with the `current` versions), ORDER_PLAN_REQUIRED, ORDER_HOLD_EXPIRED, ORDER_TRANSITION_NOT_ALLOWED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrderSubmissionsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmissionListResponse"];
                };
            };
            /** @description ORDER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrderSubmissionsController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitDossierRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmissionResponse"];
                };
            };
            /** @description DOSSIER_DOCUMENTS_INCOMPLETE (missing: document kinds), VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ORDER_NOT_FOUND, DOSSIER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ORDER_TRANSITION_NOT_ALLOWED: the order is not awaiting documents */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CatalogController_plans: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanListResponse"];
                };
            };
        };
    };
    ServicesController_tasks: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskListResponse"];
                };
            };
        };
    };
    ServicesController_complete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteTaskRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskResponse"];
                };
            };
            /** @description TASK_DOSSIER_INVALID (with `reasons`), VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description TASK_NOT_FOUND, DOSSIER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description AGREEMENT_OUTDATED, TASK_ALREADY_COMPLETED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ServicesController_list: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceListResponse"];
                };
            };
            /** @description VALIDATION_FAILED, INVALID_QUERY (cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ServicesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceDetailResponse"];
                };
            };
            /** @description SERVICE_NOT_FOUND (also another customer’s) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ServicesController_reverify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReverifyRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceDetailResponse"];
                };
            };
            /** @description TASK_DOSSIER_INVALID (with `reasons`), VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description SERVICE_NOT_FOUND, DOSSIER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description SERVICE_TRANSITION_NOT_ALLOWED (terminated) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffAuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResponse"];
                };
            };
            /** @description INVALID_CREDENTIALS */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ACCOUNT_DISABLED: the member has been deactivated */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ACCOUNT_LOCKED or RATE_LIMITED, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffDocumentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffDocumentResponse"];
                };
            };
            /** @description FORBIDDEN: not a reviewer or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description DOCUMENT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffDocumentsController_content: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                    "image/jpeg": string;
                    "image/png": string;
                };
            };
            /** @description FORBIDDEN: not a reviewer or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description DOCUMENT_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffAuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountResponse"];
                };
            };
            /** @description FORBIDDEN: not a staff account */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffMembersController_list: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffMemberListResponse"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffMembersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateStaffMemberRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedStaffMemberResponse"];
                };
            };
            /** @description VALIDATION_FAILED with field codes */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description EMAIL_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffMembersController_deactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountResponse"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description STAFF_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description STAFF_LAST_ADMIN: the last active admin cannot be deactivated */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffMembersController_changeRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeStaffRoleRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountResponse"];
                };
            };
            /** @description FORBIDDEN: admins only */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description STAFF_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description STAFF_LAST_ADMIN: the last active admin cannot be demoted */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffOrdersController_list: {
        parameters: {
            query?: {
                /** @description A staff id, `me` (my orders) or `none` (unassigned) */
                assignee?: string;
                carrier?: ("telecom" | "unicom" | "mobile")[];
                /** @description Created at or after */
                createdFrom?: string;
                /** @description Created before */
                createdTo?: string;
                /** @description `nextCursor` of the previous page (same sort and order) */
                cursor?: string;
                grade?: ("standard" | "silver" | "gold" | "platinum" | "diamond")[];
                /** @description In the current status for longer than this duration (`90m`, `12h`, `3d`) */
                inStatusLongerThan?: string;
                limit?: number;
                /** @description asc: earliest time first (oldest orders, longest in status, nearest deadline). Default desc for age, asc otherwise; orders without a deadline come last */
                order?: "asc" | "desc";
                /** @description true: the deadline of the current status (hold or documents) has passed */
                overdue?: "true" | "false";
                /** @description Paid at or after */
                paidFrom?: string;
                /** @description Paid before */
                paidTo?: string;
                /** @description A number in any written form or some of its digits, an order no, company, USCC or email */
                q?: string;
                /** @description age: creation time; status_age: when the current status began; deadline: the next deadline */
                sort?: "age" | "status_age" | "deadline";
                /** @description One or more statuses (repeat the parameter or separate with commas) */
                status?: ("selecting" | "awaiting_payment" | "awaiting_documents" | "under_review" | "provisioning" | "active" | "ended" | "expired" | "cancelled")[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PipelinePageResponse"];
                };
            };
            /** @description VALIDATION_FAILED (a parameter), INVALID_QUERY (cursor, empty range) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffActionsController_bankTransfer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BankTransferRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BankTransferResponse"];
                };
            };
            /** @description PAYMENT_AMOUNT_MISMATCH (with expectedFen), VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED: no or an expired staff token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: a customer, or a staff role the route does not name */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ORDER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description BANK_TRANSFER_DUPLICATE (reference recorded), ORDER_NOT_PAYABLE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffActionsController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffCancelRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffOrderStateResponse"];
                };
            };
            /** @description UNAUTHENTICATED: no or an expired staff token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: a customer, or a staff role the route does not name */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ORDER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ORDER_TRANSITION_NOT_ALLOWED (active, ended, expired) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffActionsController_extendDeadline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeadlineExtensionRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadlineExtensionResponse"];
                };
            };
            /** @description VALIDATION_FAILED (both or neither of until and by) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED: no or an expired staff token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: a customer, or a staff role the route does not name */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ORDER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description DEADLINE_NOT_EXTENDABLE: no deadline in this status, not later, or beyond 90 days */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffActionsController_notifications: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffNotificationListResponse"];
                };
            };
            /** @description INVALID_QUERY (cursor), VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED: no or an expired staff token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: a customer, or a staff role the route does not name */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ORDER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffActionsController_resend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                notificationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResendNotificationResponse"];
                };
            };
            /** @description UNAUTHENTICATED: no or an expired staff token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: a customer, or a staff role the route does not name */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ORDER_NOT_FOUND, NOTIFICATION_NOT_FOUND (not this order’s) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffActionsController_payments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffPaymentListResponse"];
                };
            };
            /** @description UNAUTHENTICATED: no or an expired staff token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: a customer, or a staff role the route does not name */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ORDER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffActionsController_refund: {
        parameters: {
            query?: never;
            header?: {
                /** @description 8–200 letters, digits, `_` and `-`; one per refund decision (a double click sends it twice) */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffRefundRequest"];
            };
        };
        responses: {
            /** @description A repeat (same Idempotency-Key) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffRefundIssuedResponse"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffRefundIssuedResponse"];
                };
            };
            /** @description REFUND_EXCEEDS_PAID (with remainingFen), VALIDATION_FAILED (body, Idempotency-Key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED: no or an expired staff token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: a customer, or a staff role the route does not name */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ORDER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description REFUND_NOT_ALLOWED: nothing was paid, or the Idempotency-Key was used for another amount */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffOrdersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orderId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffOrderResponse"];
                };
            };
            /** @description ORDER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffOrdersController_activity: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page */
                cursor?: string;
                limit?: number;
                /** @description asc: oldest first */
                order?: "asc" | "desc";
            };
            header?: never;
            path: {
                orderId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityPageResponse"];
                };
            };
            /** @description VALIDATION_FAILED, INVALID_QUERY (cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ORDER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrderNotesController_reassign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orderId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssigneeRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssigneeResponse"];
                };
            };
            /** @description ASSIGNEE_INVALID (not an active sales member), VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ORDER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrderNotesController_notes: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                orderId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotesPageResponse"];
                };
            };
            /** @description VALIDATION_FAILED, INVALID_QUERY (cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ORDER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrderNotesController_addNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orderId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoteCreatedResponse"];
                };
            };
            /** @description MENTION_UNKNOWN (lists `mentions`), VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description ORDER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffOrdersController_board: {
        parameters: {
            query?: {
                /** @description A staff id, `me` (my orders) or `none` (unassigned) */
                assignee?: string;
                carrier?: ("telecom" | "unicom" | "mobile")[];
                /** @description Created at or after */
                createdFrom?: string;
                /** @description Created before */
                createdTo?: string;
                grade?: ("standard" | "silver" | "gold" | "platinum" | "diamond")[];
                /** @description In the current status for longer than this duration (`90m`, `12h`, `3d`) */
                inStatusLongerThan?: string;
                /** @description true: the deadline of the current status (hold or documents) has passed */
                overdue?: "true" | "false";
                /** @description Paid at or after */
                paidFrom?: string;
                /** @description Paid before */
                paidTo?: string;
                /** @description A number in any written form or some of its digits, an order no, company, USCC or email */
                q?: string;
                /** @description One or more statuses (repeat the parameter or separate with commas) */
                status?: ("selecting" | "awaiting_payment" | "awaiting_documents" | "under_review" | "provisioning" | "active" | "ended" | "expired" | "cancelled")[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BoardResponse"];
                };
            };
            /** @description VALIDATION_FAILED, INVALID_QUERY */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffRefundsController_settle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                refundId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefundSettlementRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffRefundSettledResponse"];
                };
            };
            /** @description VALIDATION_FAILED (reference, settledOn in the future) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED: no or an expired staff token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: a customer, or a staff role the route does not name */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no such refund */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description REFUND_NOT_ALLOWED (with status, provider): not pending, or not a bank-transfer payment */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportsController_complianceOutlook: {
        parameters: {
            query?: {
                days?: number;
                /** @description json (default) or csv; without it, `Accept: text/csv` asks for CSV */
                format?: "json" | "csv";
                /** @description Most rows listed (earliest first); `total` says how many there are */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComplianceOutlookResponse"];
                    "text/csv": components["schemas"]["ComplianceOutlookResponse"];
                };
            };
            /** @description VALIDATION_FAILED (days 1–366, limit 1–1000) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportsController_funnel: {
        parameters: {
            query: {
                by?: "none" | "carrier" | "grade";
                /** @description json (default) or csv; without it, `Accept: text/csv` asks for CSV */
                format?: "json" | "csv";
                /** @description First day, YYYY-MM-DD (Asia/Shanghai) */
                from: string;
                /** @description Last day, included, YYYY-MM-DD (Asia/Shanghai); at most 366 days from `from` */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FunnelReportResponse"];
                    "text/csv": components["schemas"]["FunnelReportResponse"];
                };
            };
            /** @description REPORT_PERIOD_INVALID (not a date, to before from, more than 366 days), VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: not sales or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportsController_revenue: {
        parameters: {
            query: {
                by?: "none" | "carrier" | "grade" | "plan";
                /** @description json (default) or csv; without it, `Accept: text/csv` asks for CSV */
                format?: "json" | "csv";
                /** @description First day, YYYY-MM-DD (Asia/Shanghai) */
                from: string;
                /** @description Buckets in China time */
                interval?: "day" | "month";
                /** @description Last day, included, YYYY-MM-DD (Asia/Shanghai); at most 366 days from `from` */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevenueReportResponse"];
                    "text/csv": components["schemas"]["RevenueReportResponse"];
                };
            };
            /** @description REPORT_PERIOD_INVALID (not a date, to before from, more than 366 days), VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description FORBIDDEN: not sales or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReportsController_reviewers: {
        parameters: {
            query: {
                /** @description json (default) or csv; without it, `Accept: text/csv` asks for CSV */
                format?: "json" | "csv";
                /** @description First day, YYYY-MM-DD (Asia/Shanghai) */
                from: string;
                /** @description Last day, included, YYYY-MM-DD (Asia/Shanghai); at most 366 days from `from` */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewerReportResponse"];
                    "text/csv": components["schemas"]["ReviewerReportResponse"];
                };
            };
            /** @description REPORT_PERIOD_INVALID (not a date, to before from, more than 366 days), VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHENTICATED */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffServicesController_campaigns: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignListResponse"];
                };
            };
        };
    };
    StaffServicesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCampaignRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"];
                };
            };
            /** @description CAMPAIGN_INVALID (deadline past, empty list), VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffServicesController_campaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"];
                };
            };
            /** @description CAMPAIGN_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReviewsController_queue: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page */
                cursor?: string;
                limit?: number;
                status?: "prechecking" | "awaiting_review" | "approved" | "rejected" | "withdrawn";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewQueueResponse"];
                };
            };
            /** @description VALIDATION_FAILED, INVALID_QUERY (cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReviewsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                submissionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewResponse"];
                };
            };
            /** @description REVIEW_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReviewsController_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                submissionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApproveRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApprovalResponse"];
                };
            };
            /** @description REVIEW_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description REVIEW_NOT_READY (still pre-checking), REVIEW_ALREADY_DECIDED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ReviewsController_reject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                submissionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RejectionResponse"];
                };
            };
            /** @description REVIEW_REASONS_REQUIRED, VALIDATION_FAILED */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description REVIEW_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description REVIEW_NOT_READY, REVIEW_ALREADY_DECIDED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffServicesController_list: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page */
                cursor?: string;
                /** @description Only lines with a step due within N days */
                dueWithinDays?: number;
                limit?: number;
                status?: "active" | "suspended" | "terminated";
                suspensionReason?: "licence_expired" | "id_expired" | "regulator_flag" | "reverification_overdue";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffServiceListResponse"];
                };
            };
        };
    };
    StaffServicesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffServiceDetailResponse"];
                };
            };
            /** @description SERVICE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffServicesController_flag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffReasonRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffServiceDetailResponse"];
                };
            };
            /** @description FORBIDDEN: not a reviewer or admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description SERVICE_TRANSITION_NOT_ALLOWED; flagging a suspended line is a no-op */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffServicesController_resume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffReasonRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffServiceDetailResponse"];
                };
            };
            /** @description SERVICE_TRANSITION_NOT_ALLOWED (terminated) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    StaffServicesController_terminate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffReasonRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffServiceDetailResponse"];
                };
            };
        };
    };
    StripeWebhookController_stripe: {
        parameters: {
            query?: never;
            header: {
                "stripe-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookReceiptResponse"];
                };
            };
            /** @description WEBHOOK_SIGNATURE_INVALID (no header, no secret matches, or older than 300 s; nothing stored), WEBHOOK_MALFORMED (signed, but not a JSON event) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example ok
                         * @enum {string}
                         */
                        status?: "ok" | "degraded";
                    };
                };
            };
            /** @description The Health Check is not successful */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example error
                         * @enum {string}
                         */
                        status?: "error" | "shutting_down";
                    };
                };
            };
        };
    };
}
