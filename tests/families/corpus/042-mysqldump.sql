`wp db export --tables=... -` output, trimmed to the rows for the failing lookups:
-- phpMyAdmin SQL Dump
-- version 5.2.1
-- https://www.phpmyadmin.net/
--
-- Host: localhost
-- Generation Time: Feb 18, 2025 at 12:37 PM
-- Server version: 10.11.9-MariaDB
-- PHP Version: 8.2.13

SET SQL_MODE = "NO_AUTO_VALUE_ON_ZERO";
START TRANSACTION;
SET time_zone = "+00:00";

--
-- Dumping data for table `wpx_comments`
--

INSERT INTO `wpx_comments` (`comment_ID`, `comment_post_ID`, `comment_author`, `comment_author_email`, `comment_author_url`, `comment_author_IP`, `comment_date`, `comment_date_gmt`, `comment_content`, `comment_karma`, `comment_approved`, `comment_agent`, `comment_type`, `comment_parent`, `user_id`) VALUES
(5025, 21920, 'WooCommerce', 'woocommerce@emberlyworks.com.br', '', '', '2025-02-18 10:02:45', '2025-02-18 10:02:45', 'Awaiting BACS payment Order status changed from Pending payment to On hold.', 0, '1', 'WooCommerce', 'order_note', 0, 0),
(5026, 54, 'Jérôme Dubois', 'dubois.jerome@icloud.com', '', '115.154.63.223', '2025-02-18 10:02:45', '2025-02-18 10:02:45', 'Très bon produit.', 0, '1', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1', 'review', 0, 0),
(5027, 83676, 'WooCommerce', 'woocommerce@emberlyworks.com.br', '', '', '2025-02-18 10:32:09', '2025-02-18 10:32:09', 'Stripe charge complete (Charge ID: ch_3bIeTQuFFbVzYxkqzAbcYtVO)', 0, '1', 'WooCommerce', 'order_note', 0, 0),
(5028, 331, 'Gurpreet Iyer', 'gurpreet3128@gmail.com', '', '215.39.117.103', '2025-02-18 10:32:09', '2025-02-18 10:32:09', 'Great mug, arrived quickly.', 0, '1', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1', 'review', 0, 0);

--
-- Table structure for table `wpx_users`
--

DROP TABLE IF EXISTS `wpx_users`;
CREATE TABLE `wpx_users` (
  `ID` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `user_login` varchar(60) NOT NULL DEFAULT '',
  `user_pass` varchar(255) NOT NULL DEFAULT '',
  `user_nicename` varchar(50) NOT NULL DEFAULT '',
  `user_email` varchar(100) NOT NULL DEFAULT '',
  `user_url` varchar(100) NOT NULL DEFAULT '',
  `user_registered` datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  `user_activation_key` varchar(255) NOT NULL DEFAULT '',
  `user_status` int(11) NOT NULL DEFAULT '0',
  `display_name` varchar(250) NOT NULL DEFAULT '',
  PRIMARY KEY (`ID`),
  KEY `user_login_key` (`user_login`),
  KEY `user_nicename` (`user_nicename`),
  KEY `user_email` (`user_email`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

--
-- Dumping data for table `wpx_users`
--

INSERT INTO `wpx_users` (`ID`, `user_login`, `user_pass`, `user_nicename`, `user_email`, `user_url`, `user_registered`, `user_activation_key`, `user_status`, `display_name`) VALUES
(1, 'webmaster', '$wp$2y$10$0ujj42q5ovvGotY/6qyh7mzR4aCB.N.xRHTlsHF/vaknMj6BzoA/u', 'webmaster', 'orders@emberlyworks.com.br', 'https://www.emberlyworks.com.br', '2025-02-18 09:40:17', '', 0, 'Morgan');

--
-- Dumping data for table `wpx_wc_order_addresses`
--

INSERT INTO `wpx_wc_order_addresses` (`id`, `order_id`, `address_type`, `first_name`, `last_name`, `company`, `address_1`, `address_2`, `city`, `state`, `postcode`, `country`, `email`, `phone`) VALUES
(348, 21920, 'billing', 'Jérôme', 'Dubois', 'Vento SAS', '226 bis, avenue de la République', 'Résidence Les Pins, Esc. A', 'Toulouse', '', '31878', 'FR', 'dubois.jerome@icloud.com', '06 21 31 28 11'),
(349, 83676, 'billing', 'Gurpreet', 'Iyer', '', 'Flat 683, Sai Residency', '', 'Bengaluru', 'KA', '560143', 'IN', 'gurpreet3128@gmail.com', '+91 69056 83894');

--
-- Dumping data for table `wpx_wc_customer_lookup`
--

INSERT INTO `wpx_wc_customer_lookup` (`customer_id`, `user_id`, `username`, `first_name`, `last_name`, `email`, `date_last_active`, `date_registered`, `country`, `postcode`, `city`, `state`, `billing_phone`, `shipping_phone`) VALUES
(2270, NULL, '', 'Jérôme', 'Dubois', 'dubois.jerome@icloud.com', '2025-02-18 07:58:40', NULL, 'FR', '31878', 'Toulouse', '', '06 21 31 28 11', ''),
(2325, NULL, '', 'Gurpreet', 'Iyer', 'gurpreet3128@gmail.com', '2025-02-18 09:40:17', NULL, 'IN', '560143', 'Bengaluru', 'KA', '+91 69056 83894', '');

--
-- Dumping data for table `wpx_wc_orders`
--

INSERT INTO `wpx_wc_orders` (`id`, `status`, `currency`, `type`, `tax_amount`, `total_amount`, `customer_id`, `billing_email`, `date_created_gmt`, `date_updated_gmt`, `parent_order_id`, `payment_method`, `payment_method_title`, `transaction_id`, `ip_address`, `user_agent`, `customer_note`) VALUES
(21920, 'wc-failed', 'BRL', 'shop_order', 84.17000000, 443.00000000, 0, 'dubois.jerome@icloud.com', '2025-02-18 11:47:11', '2025-02-18 11:47:11', 0, 'cod', 'Credit Card (Stripe)', 'pi_3i8WvxKgSlnIvc1rkb9NplUJ', '115.154.63.223', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1', 'Please ring 06 21 31 28 11 when outside'),
(83676, 'wc-completed', 'BRL', 'shop_order', 19.94810000, 104.99000000, 0, 'gurpreet3128@gmail.com', '2025-02-18 12:37:46', '2025-02-18 12:37:46', 0, 'stripe', 'Credit Card (Stripe)', 'pi_3L7zj9fFavaJTLUJLIbbGqwI', '215.39.117.103', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1', 'Bitte vorher anrufen: 69056 83894');
COMMIT;

-- mysqld / WordPress log lines from the same minute:
[18-Feb-2025 12:46:50 UTC] PHP Fatal error:  Allowed memory size of 536870912 bytes exhausted (tried to allocate 20480 bytes) in /home/emberlyworks/public_html/wp-content/plugins/sophmate/includes/rest/class-chat-controller.php on line 330
2025-02-18T12:48:20+00:00 INFO Order #16004: payment complete (pi_3tWjLZgtGAbhWzKU4zRMXfqj), status processing
2025-02-18T12:51:46+00:00 INFO Order #16004: payment complete (pi_31s6gsaKpADjEn8eSTjLI8Fa), status processing
