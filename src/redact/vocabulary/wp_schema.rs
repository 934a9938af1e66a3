//! Column orders of WordPress and WooCommerce core tables, and the field names
//! (meta keys, checkout and account form fields, session keys) that hold
//! customer data, each with what it holds.
//!
//! Table names are given without the `$wpdb->prefix` (`wp_`, `wp_2_`, ...).
//! Columns are listed in the order of the `CREATE TABLE` statements, which is the
//! order a `mysqldump` / `INSERT INTO t VALUES (...)` without a column list uses
//! (dbDelta appends columns added later to the end of an existing table, so an
//! older table may lack trailing columns; see the notes on individual tables).
//! Meta tables (`*meta`, `wc_orders_meta`, `woocommerce_order_itemmeta`) hold
//! `Other` in `meta_value` here: what a meta value holds depends on its
//! `meta_key`, which is looked up in [`CUSTOMER_FIELDS`].
//!
//! Sources (read from the stored copies of the public repositories):
//! - WordPress/wordpress-develop `src/wp-admin/includes/schema.php`,
//!   `wp_get_db_schema()`, commit 42b3b9046c4ccdb8bdbb9a006a07a5df55f7d54c
//!   (column lists identical at 01501ab4787d053da5eb1425696ec3363d3adf4c).
//! - WordPress core `wp-includes/user.php` `_get_additional_user_keys()`
//!   (user meta keys first_name, last_name, nickname, description, ...; and the
//!   legacy contact methods aim, yim, jabber).
//! - woocommerce/woocommerce `plugins/woocommerce/includes/class-wc-install.php`,
//!   `get_schema()` and `get_order_stats_table_schema()`,
//!   commit 0129f1922d587d3adbf2e0987dd50d198adb6643.
//! - woocommerce/woocommerce
//!   `plugins/woocommerce/src/Internal/DataStores/Orders/OrdersTableDataStore.php`,
//!   `get_database_schema()` and `$internal_meta_keys`,
//!   commit 000233cc9f474bf75440ea306801f663f40b90e2.
//! - woocommerce/woocommerce
//!   `plugins/woocommerce/src/Internal/DataStores/StockNotifications/StockNotificationsDataStore.php`,
//!   `get_database_schema()`, commit 0a9f6280b20343b1b64afe62050fe4887ebbfb71.
//! - woocommerce/action-scheduler `classes/schema/ActionScheduler_StoreSchema.php`
//!   (bundled by WooCommerce), commit 2ba9f3777ea37fdd02bb45bf6c2e514ae0c6f3fe.
//! - woocommerce/woocommerce `plugins/woocommerce/includes/class-wc-countries.php`,
//!   `get_default_address_fields()` / `get_address_fields()`,
//!   commit 0022128f611edf05b681d5a861346a169b72e940.
//! - woocommerce/woocommerce `plugins/woocommerce/includes/class-wc-checkout.php`,
//!   `get_checkout_fields()`, commit 0379e4eee2e553e995e5ec418964d3f9354d1f1c.
//! - woocommerce/woocommerce
//!   `plugins/woocommerce/includes/data-stores/class-wc-order-data-store-cpt.php`,
//!   `$internal_meta_keys`, commit 0379e4eee2e553e995e5ec418964d3f9354d1f1c.
//! - woocommerce/woocommerce
//!   `plugins/woocommerce/includes/data-stores/class-wc-customer-data-store.php`,
//!   `$internal_meta_keys`, commit 009a7772c33205ed19a384353cf1eb60599794c0.
//! - woocommerce/woocommerce
//!   `plugins/woocommerce/includes/data-stores/class-wc-customer-data-store-session.php`,
//!   `$session_keys`, commit 0555038373a5d387230a308a96646f67df74c390.
//! - woocommerce/woocommerce `plugins/woocommerce/includes/class-wc-form-handler.php`
//!   (account, login, registration and password-reset form fields),
//!   commit 00d3a7568647a7b2c9f9b435c0045a72dd7226a5.
//! - WooCommerce's CPT order store writes the order key into `posts.post_password`
//!   and the customer note into `posts.post_excerpt`
//!   (`abstract-wc-order-data-store-cpt.php`).

/// What a column or field holds.
///
/// Country and state/county fields hold ISO country codes and state codes
/// (or free state names); they are given as `Other` and marked in a comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holds {
    /// A full name or display name.
    Name,
    /// A login name or nickname, which names its holder as well as a name does.
    Login,
    /// A given name.
    FirstName,
    /// A family name.
    LastName,
    /// An email address.
    Email,
    /// A telephone number.
    Phone,
    /// A street address line (address_1, address_2).
    Street,
    /// A town or city.
    City,
    /// A postcode or ZIP code.
    Postcode,
    /// A company name.
    Company,
    /// An IP address.
    Ip,
    /// A plain password or a credential-like secret token.
    Password,
    /// A password or key stored hashed.
    PasswordHash,
    /// A browser user agent string.
    UserAgent,
    /// Free text (notes, comments, serialized data) that may contain any of the above.
    FreeText,
    /// Ids, dates, statuses, amounts, codes and anything else.
    Other,
}

/// A table and its columns in `CREATE TABLE` order.
pub(crate) struct Table {
    /// The table name without the prefix, e.g. "users", "wc_order_addresses".
    pub(crate) name: &'static str,
    /// The columns in `CREATE TABLE` order, each with what it holds.
    pub(crate) columns: &'static [(&'static str, Holds)],
}

/// WordPress (single site, plus the multisite global tables) and WooCommerce
/// tables, columns in `CREATE TABLE` order.
///
/// On multisite the `users` table has two more columns at the end,
/// `spam` and `deleted` (both `Other`).
pub(crate) const TABLES: &[Table] = &[
    // ---- WordPress: global tables ----
    Table {
        name: "users",
        columns: &[
            ("ID", Holds::Other),
            ("user_login", Holds::Login),
            ("user_pass", Holds::PasswordHash),
            ("user_nicename", Holds::Login),
            ("user_email", Holds::Email),
            ("user_url", Holds::FreeText), // the user's own web site URL
            ("user_registered", Holds::Other),
            ("user_activation_key", Holds::Password), // password-reset key (timestamp:hash)
            ("user_status", Holds::Other),
            ("display_name", Holds::Name),
        ],
    },
    Table {
        name: "usermeta",
        columns: &[
            ("umeta_id", Holds::Other),
            ("user_id", Holds::Other),
            ("meta_key", Holds::Other),
            ("meta_value", Holds::Other), // depends on meta_key, see CUSTOMER_FIELDS
        ],
    },
    // ---- WordPress: blog tables ----
    Table {
        name: "termmeta",
        columns: &[
            ("meta_id", Holds::Other),
            ("term_id", Holds::Other),
            ("meta_key", Holds::Other),
            ("meta_value", Holds::Other),
        ],
    },
    Table {
        name: "terms",
        columns: &[
            ("term_id", Holds::Other),
            ("name", Holds::Other),
            ("slug", Holds::Other),
            ("term_group", Holds::Other),
        ],
    },
    Table {
        name: "term_taxonomy",
        columns: &[
            ("term_taxonomy_id", Holds::Other),
            ("term_id", Holds::Other),
            ("taxonomy", Holds::Other),
            ("description", Holds::Other),
            ("parent", Holds::Other),
            ("count", Holds::Other),
        ],
    },
    Table {
        name: "term_relationships",
        columns: &[
            ("object_id", Holds::Other),
            ("term_taxonomy_id", Holds::Other),
            ("term_order", Holds::Other),
        ],
    },
    Table {
        name: "commentmeta",
        columns: &[
            ("meta_id", Holds::Other),
            ("comment_id", Holds::Other),
            ("meta_key", Holds::Other),
            ("meta_value", Holds::Other),
        ],
    },
    Table {
        name: "comments",
        columns: &[
            ("comment_ID", Holds::Other),
            ("comment_post_ID", Holds::Other),
            ("comment_author", Holds::Name),
            ("comment_author_email", Holds::Email),
            ("comment_author_url", Holds::FreeText), // the author's web site URL
            ("comment_author_IP", Holds::Ip),
            ("comment_date", Holds::Other),
            ("comment_date_gmt", Holds::Other),
            ("comment_content", Holds::FreeText), // also WooCommerce order notes and reviews
            ("comment_karma", Holds::Other),
            ("comment_approved", Holds::Other),
            ("comment_agent", Holds::UserAgent),
            ("comment_type", Holds::Other),
            ("comment_parent", Holds::Other),
            ("user_id", Holds::Other),
        ],
    },
    Table {
        name: "links",
        columns: &[
            ("link_id", Holds::Other),
            ("link_url", Holds::Other),
            ("link_name", Holds::Other),
            ("link_image", Holds::Other),
            ("link_target", Holds::Other),
            ("link_description", Holds::Other),
            ("link_visible", Holds::Other),
            ("link_owner", Holds::Other),
            ("link_rating", Holds::Other),
            ("link_updated", Holds::Other),
            ("link_rel", Holds::Other),
            ("link_notes", Holds::FreeText),
            ("link_rss", Holds::Other),
        ],
    },
    Table {
        name: "options",
        columns: &[
            ("option_id", Holds::Other),
            ("option_name", Holds::Other),
            ("option_value", Holds::Other), // depends on option_name
            ("autoload", Holds::Other),
        ],
    },
    Table {
        name: "postmeta",
        columns: &[
            ("meta_id", Holds::Other),
            ("post_id", Holds::Other),
            ("meta_key", Holds::Other),
            ("meta_value", Holds::Other), // depends on meta_key, see CUSTOMER_FIELDS
        ],
    },
    Table {
        name: "posts",
        columns: &[
            ("ID", Holds::Other),
            ("post_author", Holds::Other),
            ("post_date", Holds::Other),
            ("post_date_gmt", Holds::Other),
            ("post_content", Holds::FreeText),
            ("post_title", Holds::Other),
            ("post_excerpt", Holds::FreeText), // customer note on shop_order posts
            ("post_status", Holds::Other),
            ("comment_status", Holds::Other),
            ("ping_status", Holds::Other),
            ("post_password", Holds::Password), // order key (wc_order_...) on shop_order posts
            ("post_name", Holds::Other),
            ("to_ping", Holds::Other),
            ("pinged", Holds::Other),
            ("post_modified", Holds::Other),
            ("post_modified_gmt", Holds::Other),
            ("post_content_filtered", Holds::FreeText),
            ("post_parent", Holds::Other),
            ("guid", Holds::Other),
            ("menu_order", Holds::Other),
            ("post_type", Holds::Other),
            ("post_mime_type", Holds::Other),
            ("comment_count", Holds::Other),
        ],
    },
    // ---- WordPress: multisite global tables ----
    Table {
        name: "blogs",
        columns: &[
            ("blog_id", Holds::Other),
            ("site_id", Holds::Other),
            ("domain", Holds::Other),
            ("path", Holds::Other),
            ("registered", Holds::Other),
            ("last_updated", Holds::Other),
            ("public", Holds::Other),
            ("archived", Holds::Other),
            ("mature", Holds::Other),
            ("spam", Holds::Other),
            ("deleted", Holds::Other),
            ("lang_id", Holds::Other),
        ],
    },
    Table {
        name: "blogmeta",
        columns: &[
            ("meta_id", Holds::Other),
            ("blog_id", Holds::Other),
            ("meta_key", Holds::Other),
            ("meta_value", Holds::Other),
        ],
    },
    Table {
        name: "registration_log",
        columns: &[
            ("ID", Holds::Other),
            ("email", Holds::Email),
            ("IP", Holds::Ip),
            ("blog_id", Holds::Other),
            ("date_registered", Holds::Other),
        ],
    },
    Table {
        name: "site",
        columns: &[
            ("id", Holds::Other),
            ("domain", Holds::Other),
            ("path", Holds::Other),
        ],
    },
    Table {
        name: "sitemeta",
        columns: &[
            ("meta_id", Holds::Other),
            ("site_id", Holds::Other),
            ("meta_key", Holds::Other),
            ("meta_value", Holds::Other),
        ],
    },
    Table {
        name: "signups",
        columns: &[
            ("signup_id", Holds::Other),
            ("domain", Holds::Other),
            ("path", Holds::Other),
            ("title", Holds::Other),
            ("user_login", Holds::Login),
            ("user_email", Holds::Email),
            ("registered", Holds::Other),
            ("activated", Holds::Other),
            ("active", Holds::Other),
            ("activation_key", Holds::Password),
            ("meta", Holds::FreeText), // serialized signup meta
        ],
    },
    // ---- WooCommerce: WC_Install::get_schema() ----
    Table {
        name: "woocommerce_sessions",
        columns: &[
            ("session_id", Holds::Other),
            ("session_key", Holds::Other), // user id, or a random guest key
            ("session_value", Holds::FreeText), // serialized cart and customer data
            ("session_expiry", Holds::Other),
        ],
    },
    Table {
        name: "woocommerce_api_keys",
        columns: &[
            ("key_id", Holds::Other),
            ("user_id", Holds::Other),
            ("description", Holds::Other),
            ("permissions", Holds::Other),
            ("consumer_key", Holds::PasswordHash), // stored as wc_api_hash() of the key
            ("consumer_secret", Holds::Password),
            ("nonces", Holds::Other),
            ("truncated_key", Holds::Other), // last 7 characters of the plain consumer key
            ("last_access", Holds::Other),
        ],
    },
    Table {
        name: "woocommerce_attribute_taxonomies",
        columns: &[
            ("attribute_id", Holds::Other),
            ("attribute_name", Holds::Other),
            ("attribute_label", Holds::Other),
            ("attribute_type", Holds::Other),
            ("attribute_orderby", Holds::Other),
            ("attribute_public", Holds::Other),
        ],
    },
    Table {
        name: "woocommerce_downloadable_product_permissions",
        columns: &[
            ("permission_id", Holds::Other),
            ("download_id", Holds::Other),
            ("product_id", Holds::Other),
            ("order_id", Holds::Other),
            ("order_key", Holds::Password), // the order's access key
            ("user_email", Holds::Email),
            ("user_id", Holds::Other),
            ("downloads_remaining", Holds::Other),
            ("access_granted", Holds::Other),
            ("access_expires", Holds::Other),
            ("download_count", Holds::Other),
        ],
    },
    Table {
        name: "woocommerce_order_items",
        columns: &[
            ("order_item_id", Holds::Other),
            ("order_item_name", Holds::Other),
            ("order_item_type", Holds::Other),
            ("order_id", Holds::Other),
        ],
    },
    Table {
        name: "woocommerce_order_itemmeta",
        columns: &[
            ("meta_id", Holds::Other),
            ("order_item_id", Holds::Other),
            ("meta_key", Holds::Other),
            ("meta_value", Holds::Other),
        ],
    },
    Table {
        name: "woocommerce_tax_rates",
        columns: &[
            ("tax_rate_id", Holds::Other),
            ("tax_rate_country", Holds::Other),
            ("tax_rate_state", Holds::Other),
            ("tax_rate", Holds::Other),
            ("tax_rate_name", Holds::Other),
            ("tax_rate_priority", Holds::Other),
            ("tax_rate_compound", Holds::Other),
            ("tax_rate_shipping", Holds::Other),
            ("tax_rate_order", Holds::Other),
            ("tax_rate_class", Holds::Other),
        ],
    },
    Table {
        name: "woocommerce_tax_rate_locations",
        columns: &[
            ("location_id", Holds::Other),
            ("location_code", Holds::Other),
            ("tax_rate_id", Holds::Other),
            ("location_type", Holds::Other),
        ],
    },
    Table {
        name: "woocommerce_shipping_zones",
        columns: &[
            ("zone_id", Holds::Other),
            ("zone_name", Holds::Other),
            ("zone_order", Holds::Other),
        ],
    },
    Table {
        name: "woocommerce_shipping_zone_locations",
        columns: &[
            ("location_id", Holds::Other),
            ("zone_id", Holds::Other),
            ("location_code", Holds::Other),
            ("location_type", Holds::Other),
        ],
    },
    Table {
        name: "woocommerce_shipping_zone_methods",
        columns: &[
            ("zone_id", Holds::Other),
            ("instance_id", Holds::Other),
            ("method_id", Holds::Other),
            ("method_order", Holds::Other),
            ("is_enabled", Holds::Other),
        ],
    },
    Table {
        name: "woocommerce_payment_tokens",
        columns: &[
            ("token_id", Holds::Other),
            ("gateway_id", Holds::Other),
            ("token", Holds::Password), // the payment gateway's reusable token
            ("user_id", Holds::Other),
            ("type", Holds::Other),
            ("is_default", Holds::Other),
        ],
    },
    Table {
        name: "woocommerce_payment_tokenmeta",
        columns: &[
            ("meta_id", Holds::Other),
            ("payment_token_id", Holds::Other),
            ("meta_key", Holds::Other),
            ("meta_value", Holds::Other), // last4, expiry_month, expiry_year, card_type
        ],
    },
    Table {
        name: "woocommerce_log",
        columns: &[
            ("log_id", Holds::Other),
            ("timestamp", Holds::Other),
            ("level", Holds::Other),
            ("source", Holds::Other),
            ("message", Holds::FreeText),
            ("context", Holds::FreeText), // serialized context
        ],
    },
    Table {
        name: "wc_webhooks",
        columns: &[
            ("webhook_id", Holds::Other),
            ("status", Holds::Other),
            ("name", Holds::Other),
            ("user_id", Holds::Other),
            ("delivery_url", Holds::Other),
            ("secret", Holds::Password),
            ("topic", Holds::Other),
            ("date_created", Holds::Other),
            ("date_created_gmt", Holds::Other),
            ("date_modified", Holds::Other),
            ("date_modified_gmt", Holds::Other),
            ("api_version", Holds::Other),
            ("failure_count", Holds::Other),
            ("pending_delivery", Holds::Other),
        ],
    },
    Table {
        name: "wc_download_log",
        columns: &[
            ("download_log_id", Holds::Other),
            ("timestamp", Holds::Other),
            ("permission_id", Holds::Other),
            ("user_id", Holds::Other),
            ("user_ip_address", Holds::Ip),
        ],
    },
    Table {
        name: "wc_product_meta_lookup",
        columns: &[
            ("product_id", Holds::Other),
            ("sku", Holds::Other),
            ("global_unique_id", Holds::Other),
            ("virtual", Holds::Other),
            ("downloadable", Holds::Other),
            ("min_price", Holds::Other),
            ("max_price", Holds::Other),
            ("onsale", Holds::Other),
            ("stock_quantity", Holds::Other),
            ("stock_status", Holds::Other),
            ("rating_count", Holds::Other),
            ("average_rating", Holds::Other),
            ("total_sales", Holds::Other),
            ("tax_status", Holds::Other),
            ("tax_class", Holds::Other),
        ],
    },
    Table {
        name: "wc_tax_rate_classes",
        columns: &[
            ("tax_rate_class_id", Holds::Other),
            ("name", Holds::Other),
            ("slug", Holds::Other),
        ],
    },
    Table {
        name: "wc_reserved_stock",
        columns: &[
            ("order_id", Holds::Other),
            ("product_id", Holds::Other),
            ("stock_quantity", Holds::Other),
            ("timestamp", Holds::Other),
            ("expires", Holds::Other),
        ],
    },
    Table {
        name: "wc_rate_limits",
        columns: &[
            ("rate_limit_id", Holds::Other),
            ("rate_limit_key", Holds::Other),
            ("rate_limit_expiry", Holds::Other),
            ("rate_limit_remaining", Holds::Other),
        ],
    },
    Table {
        name: "wc_product_download_directories",
        columns: &[
            ("url_id", Holds::Other),
            ("url", Holds::Other),
            ("enabled", Holds::Other),
        ],
    },
    Table {
        name: "wc_order_stats",
        columns: &[
            ("order_id", Holds::Other),
            ("parent_id", Holds::Other),
            ("date_created", Holds::Other),
            ("date_created_gmt", Holds::Other),
            ("date_paid", Holds::Other),
            ("date_completed", Holds::Other),
            ("num_items_sold", Holds::Other),
            ("total_sales", Holds::Other),
            ("tax_total", Holds::Other),
            ("shipping_total", Holds::Other),
            ("net_total", Holds::Other),
            ("returning_customer", Holds::Other),
            ("status", Holds::Other),
            ("customer_id", Holds::Other),
            ("fulfillment_status", Holds::Other), // only when the fulfillments feature created it
        ],
    },
    Table {
        name: "wc_order_product_lookup",
        columns: &[
            ("order_item_id", Holds::Other),
            ("order_id", Holds::Other),
            ("product_id", Holds::Other),
            ("variation_id", Holds::Other),
            ("customer_id", Holds::Other),
            ("date_created", Holds::Other),
            ("product_qty", Holds::Other),
            ("product_net_revenue", Holds::Other),
            ("product_gross_revenue", Holds::Other),
            ("coupon_amount", Holds::Other),
            ("tax_amount", Holds::Other),
            ("shipping_amount", Holds::Other),
            ("shipping_tax_amount", Holds::Other),
        ],
    },
    Table {
        name: "wc_order_tax_lookup",
        columns: &[
            ("order_id", Holds::Other),
            ("tax_rate_id", Holds::Other),
            ("order_item_id", Holds::Other), // recent; added by ALTER ... AFTER tax_rate_id
            ("date_created", Holds::Other),
            ("shipping_tax", Holds::Other),
            ("order_tax", Holds::Other),
            ("total_tax", Holds::Other),
        ],
    },
    Table {
        name: "wc_order_coupon_lookup",
        columns: &[
            ("order_id", Holds::Other),
            ("coupon_id", Holds::Other),
            ("date_created", Holds::Other),
            ("discount_amount", Holds::Other),
        ],
    },
    Table {
        name: "wc_admin_notes",
        columns: &[
            ("note_id", Holds::Other),
            ("name", Holds::Other),
            ("type", Holds::Other),
            ("locale", Holds::Other),
            ("title", Holds::Other),
            ("content", Holds::Other),
            ("content_data", Holds::Other),
            ("status", Holds::Other),
            ("source", Holds::Other),
            ("date_created", Holds::Other),
            ("date_reminder", Holds::Other),
            ("is_snoozable", Holds::Other),
            ("layout", Holds::Other),
            ("image", Holds::Other),
            ("is_deleted", Holds::Other),
            ("is_read", Holds::Other),
            ("icon", Holds::Other),
        ],
    },
    Table {
        name: "wc_admin_note_actions",
        columns: &[
            ("action_id", Holds::Other),
            ("note_id", Holds::Other),
            ("name", Holds::Other),
            ("label", Holds::Other),
            ("query", Holds::Other),
            ("status", Holds::Other),
            ("actioned_text", Holds::Other),
            ("nonce_action", Holds::Other),
            ("nonce_name", Holds::Other),
        ],
    },
    Table {
        name: "wc_customer_lookup",
        columns: &[
            ("customer_id", Holds::Other),
            ("user_id", Holds::Other),
            ("username", Holds::Login),
            ("first_name", Holds::FirstName),
            ("last_name", Holds::LastName),
            ("email", Holds::Email),
            ("date_last_active", Holds::Other),
            ("date_registered", Holds::Other),
            ("country", Holds::Other), // country code
            ("postcode", Holds::Postcode),
            ("city", Holds::City),
            ("state", Holds::Other),          // state code
            ("billing_phone", Holds::Phone),  // recent; absent from older tables
            ("shipping_phone", Holds::Phone), // recent; absent from older tables
        ],
    },
    Table {
        name: "wc_category_lookup",
        columns: &[
            ("category_tree_id", Holds::Other),
            ("category_id", Holds::Other),
        ],
    },
    // ---- WooCommerce HPOS: OrdersTableDataStore::get_database_schema() ----
    Table {
        name: "wc_orders",
        columns: &[
            ("id", Holds::Other),
            ("status", Holds::Other),
            ("currency", Holds::Other),
            ("type", Holds::Other),
            ("tax_amount", Holds::Other),
            ("total_amount", Holds::Other),
            ("customer_id", Holds::Other),
            ("billing_email", Holds::Email),
            ("date_created_gmt", Holds::Other),
            ("date_updated_gmt", Holds::Other),
            ("parent_order_id", Holds::Other),
            ("payment_method", Holds::Other),
            ("payment_method_title", Holds::Other),
            ("transaction_id", Holds::Other),
            ("ip_address", Holds::Ip),
            ("user_agent", Holds::UserAgent),
            ("customer_note", Holds::FreeText),
        ],
    },
    Table {
        name: "wc_order_addresses",
        columns: &[
            ("id", Holds::Other),
            ("order_id", Holds::Other),
            ("address_type", Holds::Other), // "billing" or "shipping"
            ("first_name", Holds::FirstName),
            ("last_name", Holds::LastName),
            ("company", Holds::Company),
            ("address_1", Holds::Street),
            ("address_2", Holds::Street),
            ("city", Holds::City),
            ("state", Holds::Other), // state code
            ("postcode", Holds::Postcode),
            ("country", Holds::Other), // country code
            ("email", Holds::Email),
            ("phone", Holds::Phone),
        ],
    },
    Table {
        name: "wc_order_operational_data",
        columns: &[
            ("id", Holds::Other),
            ("order_id", Holds::Other),
            ("created_via", Holds::Other),
            ("woocommerce_version", Holds::Other),
            ("prices_include_tax", Holds::Other),
            ("coupon_usages_are_counted", Holds::Other),
            ("download_permission_granted", Holds::Other),
            ("cart_hash", Holds::Other),
            ("new_order_email_sent", Holds::Other),
            ("order_key", Holds::Password), // the order's access key (wc_order_...)
            ("order_stock_reduced", Holds::Other),
            ("date_paid_gmt", Holds::Other),
            ("date_completed_gmt", Holds::Other),
            ("shipping_tax_amount", Holds::Other),
            ("shipping_total_amount", Holds::Other),
            ("discount_tax_amount", Holds::Other),
            ("discount_total_amount", Holds::Other),
            ("recorded_sales", Holds::Other),
        ],
    },
    Table {
        name: "wc_orders_meta",
        columns: &[
            ("id", Holds::Other),
            ("order_id", Holds::Other),
            ("meta_key", Holds::Other),
            ("meta_value", Holds::Other), // depends on meta_key, see CUSTOMER_FIELDS
        ],
    },
    // ---- WooCommerce: StockNotificationsDataStore::get_database_schema() ----
    Table {
        name: "wc_stock_notifications",
        columns: &[
            ("id", Holds::Other),
            ("product_id", Holds::Other),
            ("user_id", Holds::Other),
            ("user_email", Holds::Email),
            ("status", Holds::Other),
            ("date_created_gmt", Holds::Other),
            ("date_modified_gmt", Holds::Other),
            ("date_confirmed_gmt", Holds::Other),
            ("date_last_attempt_gmt", Holds::Other),
            ("date_notified_gmt", Holds::Other),
            ("date_cancelled_gmt", Holds::Other),
            ("cancellation_source", Holds::Other),
        ],
    },
    Table {
        name: "wc_stock_notificationmeta",
        columns: &[
            ("id", Holds::Other),
            ("notification_id", Holds::Other),
            ("meta_key", Holds::Other),
            ("meta_value", Holds::Other),
        ],
    },
    // ---- Action Scheduler (bundled with WooCommerce) ----
    Table {
        name: "actionscheduler_actions",
        columns: &[
            ("action_id", Holds::Other),
            ("hook", Holds::Other),
            ("status", Holds::Other),
            ("scheduled_date_gmt", Holds::Other),
            ("scheduled_date_local", Holds::Other),
            ("priority", Holds::Other),
            ("args", Holds::FreeText), // JSON arguments; may carry emails or ids
            ("schedule", Holds::Other),
            ("group_id", Holds::Other),
            ("attempts", Holds::Other),
            ("last_attempt_gmt", Holds::Other),
            ("last_attempt_local", Holds::Other),
            ("claim_id", Holds::Other),
            ("extended_args", Holds::FreeText), // JSON arguments longer than args allows
        ],
    },
    Table {
        name: "actionscheduler_claims",
        columns: &[
            ("claim_id", Holds::Other),
            ("date_created_gmt", Holds::Other),
        ],
    },
    Table {
        name: "actionscheduler_groups",
        columns: &[("group_id", Holds::Other), ("slug", Holds::Other)],
    },
];

/// Meta keys and form field names that hold customer data, with what they hold.
///
/// Each name appears once although several are used in more than one place:
/// the `billing_*` / `shipping_*` names are at once checkout form fields
/// (`WC_Countries::get_address_fields()`), WooCommerce user meta keys
/// (`WC_Customer_Data_Store`) and keys of the customer array in the serialized
/// `woocommerce_sessions.session_value`; order post meta (and legacy HPOS order
/// meta) uses the same names with a leading underscore.
pub(crate) const CUSTOMER_FIELDS: &[(&str, Holds)] = &[
    // ---- Checkout form fields and WooCommerce user meta: billing address ----
    ("billing_first_name", Holds::FirstName),
    ("billing_last_name", Holds::LastName),
    ("billing_company", Holds::Company),
    ("billing_country", Holds::Other), // country code
    ("billing_address_1", Holds::Street),
    ("billing_address_2", Holds::Street),
    ("billing_city", Holds::City),
    ("billing_state", Holds::Other), // state code
    ("billing_postcode", Holds::Postcode),
    ("billing_phone", Holds::Phone),
    ("billing_email", Holds::Email),
    // ---- Checkout form fields and WooCommerce user meta: shipping address ----
    ("shipping_first_name", Holds::FirstName),
    ("shipping_last_name", Holds::LastName),
    ("shipping_company", Holds::Company),
    ("shipping_country", Holds::Other), // country code
    ("shipping_address_1", Holds::Street),
    ("shipping_address_2", Holds::Street),
    ("shipping_city", Holds::City),
    ("shipping_state", Holds::Other), // state code
    ("shipping_postcode", Holds::Postcode),
    ("shipping_phone", Holds::Phone), // user meta, order data and block checkout; not a classic checkout field
    // ---- Checkout form: order and account fieldsets ----
    ("order_comments", Holds::FreeText),
    ("account_username", Holds::Login),
    ("account_password", Holds::Password),
    // ---- My Account "edit account" form (WC_Form_Handler::save_account_details) ----
    ("account_first_name", Holds::FirstName),
    ("account_last_name", Holds::LastName),
    ("account_display_name", Holds::Name),
    ("account_email", Holds::Email),
    ("password_current", Holds::Password),
    ("password_1", Holds::Password),
    ("password_2", Holds::Password),
    // ---- Login, registration, lost and reset password forms (WC_Form_Handler) ----
    // The login form's `username`: a word too common in logs to hold a
    // customer's login on its own (the `wc_customer_lookup` column does).
    ("username", Holds::Other),
    ("email", Holds::Email), // also a key of the session customer array
    ("password", Holds::Password),
    ("user_login", Holds::Login), // login name or email address
    ("reset_key", Holds::Password),
    ("reset_login", Holds::Login),
    // ---- Order post meta (WC_Order_Data_Store_CPT / OrdersTableDataStore internal meta keys) ----
    ("_billing_first_name", Holds::FirstName),
    ("_billing_last_name", Holds::LastName),
    ("_billing_company", Holds::Company),
    ("_billing_address_1", Holds::Street),
    ("_billing_address_2", Holds::Street),
    ("_billing_city", Holds::City),
    ("_billing_state", Holds::Other), // state code
    ("_billing_postcode", Holds::Postcode),
    ("_billing_country", Holds::Other), // country code
    ("_billing_email", Holds::Email),
    ("_billing_phone", Holds::Phone),
    ("_shipping_first_name", Holds::FirstName),
    ("_shipping_last_name", Holds::LastName),
    ("_shipping_company", Holds::Company),
    ("_shipping_address_1", Holds::Street),
    ("_shipping_address_2", Holds::Street),
    ("_shipping_city", Holds::City),
    ("_shipping_state", Holds::Other), // state code
    ("_shipping_postcode", Holds::Postcode),
    ("_shipping_country", Holds::Other), // country code
    ("_shipping_phone", Holds::Phone),
    ("_customer_ip_address", Holds::Ip),
    ("_customer_user_agent", Holds::UserAgent),
    ("_billing_address_index", Holds::FreeText), // all billing fields joined by spaces
    ("_shipping_address_index", Holds::FreeText), // all shipping fields joined by spaces
    ("_order_key", Holds::Password),             // the order's access key (wc_order_...)
    // ---- WordPress core user meta (_get_additional_user_keys and others) ----
    ("first_name", Holds::FirstName), // also a key of the session customer array
    ("last_name", Holds::LastName),   // also a key of the session customer array
    ("nickname", Holds::Login),
    ("description", Holds::FreeText),    // biographical info
    ("session_tokens", Holds::FreeText), // serialized: hashed token => ip, ua, login, expiration
    ("community-events-location", Holds::FreeText), // serialized: ip, description, latitude, longitude
    ("aim", Holds::FreeText), // legacy contact method (installs older than WP 3.6)
    ("yim", Holds::FreeText), // legacy contact method
    ("jabber", Holds::FreeText), // legacy contact method
    // ---- Customer array in woocommerce_sessions.session_value (billing_ prefix dropped) ----
    ("company", Holds::Company),
    ("phone", Holds::Phone),
    ("address", Holds::Street), // same as address_1
    ("address_1", Holds::Street),
    ("address_2", Holds::Street),
    ("city", Holds::City),
    ("state", Holds::Other), // state code
    ("postcode", Holds::Postcode),
    ("country", Holds::Other),           // country code
    ("shipping_address", Holds::Street), // same as shipping_address_1
];
