dump.sql excerpt
-- MariaDB dump 10.19  Distrib 10.11.5-MariaDB, for debian-linux-gnu (x86_64)
--
-- Host: localhost    Database: cindergood_wp
-- ------------------------------------------------------
-- Server version	10.11.5-MariaDB

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;

--
-- Dumping data for table `wpx_comments`
--

LOCK TABLES `wpx_comments` WRITE;
/*!40000 ALTER TABLE `wpx_comments` DISABLE KEYS */;
INSERT INTO `wpx_comments` VALUES (8780, 48041, 'WooCommerce', 'woocommerce@cindergoods.co.uk', '', '', '2024-03-17 21:41:10', '2024-03-17 21:41:10', 'Stripe charge complete (Charge ID: ch_3Kn6w2b8mFB3va05ioDXJe6k)', 0, '1', 'WooCommerce', 'order_note', 0, 0);
INSERT INTO `wpx_comments` VALUES (8781, 418, 'Ilse van de Bergkes', 'ilse_vand@icloud.com', '', '15.25.137.228', '2024-03-17 21:41:10', '2024-03-17 21:41:10', 'Great mug, arrived quickly.', 0, '1', 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0', 'review', 0, 2664);
INSERT INTO `wpx_comments` VALUES (8782, 90190, 'WooCommerce', 'woocommerce@cindergoods.co.uk', '', '', '2024-03-17 22:16:49', '2024-03-17 22:16:49', 'Order status changed from Pending payment to Processing.', 0, '1', 'WooCommerce', 'order_note', 0, 0);
INSERT INTO `wpx_comments` VALUES (8783, 52158, 'WooCommerce', 'woocommerce@cindergoods.co.uk', '', '', '2024-03-17 23:11:29', '2024-03-17 23:11:29', 'Awaiting BACS payment Order status changed from Pending payment to On hold.', 0, '1', 'WooCommerce', 'order_note', 0, 0);
/*!40000 ALTER TABLE `wpx_comments` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Dumping data for table `wpx_wc_customer_lookup`
--

LOCK TABLES `wpx_wc_customer_lookup` WRITE;
/*!40000 ALTER TABLE `wpx_wc_customer_lookup` DISABLE KEYS */;
INSERT INTO `wpx_wc_customer_lookup` VALUES (2449, 2664, 'ilse_vand', 'Ilse', 'van de Bergkes', 'ilse_vand@icloud.com', '2024-03-17 05:43:36', '2024-03-17 05:43:36', 'NL', '9742 WA', 'Groningen', '', '+31 624363431', '');
INSERT INTO `wpx_wc_customer_lookup` VALUES (2032, 3963, 'elinebakker', 'Eline', 'Bakker', 'bakker.eline@hetnet.nl', '2024-03-17 06:49:15', '2024-03-17 06:49:15', 'NL', '2526 ZA', 'Den Haag', '', '+31 40 5952271', '');
INSERT INTO `wpx_wc_customer_lookup` VALUES (562, NULL, '', 'Sjoerd', 'Meijer', 'sjoerd.meijer@xs4all.nl', '2024-03-17 21:38:55', NULL, 'BE', '9212', 'Gent', '', '0479 33 16 75', '');
/*!40000 ALTER TABLE `wpx_wc_customer_lookup` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Dumping data for table `wpx_wc_orders`
--

LOCK TABLES `wpx_wc_orders` WRITE;
/*!40000 ALTER TABLE `wpx_wc_orders` DISABLE KEYS */;
INSERT INTO `wpx_wc_orders` (`id`, `status`, `currency`, `type`, `tax_amount`, `total_amount`, `customer_id`, `billing_email`, `date_created_gmt`, `date_updated_gmt`, `parent_order_id`, `payment_method`, `payment_method_title`, `transaction_id`, `ip_address`, `user_agent`, `customer_note`) VALUES (48041,'wc-processing','GBP','shop_order',75.88600000,399.40000000,2664,'ilse_vand@icloud.com','2024-03-18 00:01:34','2024-03-18 00:01:34',0,'ppcp-gateway','Credit Card (Stripe)','pi_32mkzjYG2l5FzXugAE5mdXbm','15.25.137.228','Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0','');
INSERT INTO `wpx_wc_orders` (`id`, `status`, `currency`, `type`, `tax_amount`, `total_amount`, `customer_id`, `billing_email`, `date_created_gmt`, `date_updated_gmt`, `parent_order_id`, `payment_method`, `payment_method_title`, `transaction_id`, `ip_address`, `user_agent`, `customer_note`) VALUES (90190,'wc-processing','EUR','shop_order',80.46500000,423.50000000,3963,'bakker.eline@hetnet.nl','2024-03-18 00:36:14','2024-03-18 00:36:14',0,'ppcp-gateway','Credit Card (Stripe)','pi_3dphbauRSuMg66AkXfYFshpj','27.255.179.121','Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:122.0) Gecko/20100101 Firefox/122.0','Sonnette en panne, appelez le 040 5952271');
INSERT INTO `wpx_wc_orders` (`id`, `status`, `currency`, `type`, `tax_amount`, `total_amount`, `customer_id`, `billing_email`, `date_created_gmt`, `date_updated_gmt`, `parent_order_id`, `payment_method`, `payment_method_title`, `transaction_id`, `ip_address`, `user_agent`, `customer_note`) VALUES (52158,'wc-completed','USD','shop_order',47.67100000,250.90000000,0,'sjoerd.meijer@xs4all.nl','2024-03-18 01:14:46','2024-03-18 01:14:46',0,'stripe','Credit Card (Stripe)','pi_3vecPMtG5JxAASe43lNI4jr3','2603:fb56:b0b2::69b1','Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6746.111 Mobile Safari/537.36','');
/*!40000 ALTER TABLE `wpx_wc_orders` ENABLE KEYS */;
UNLOCK TABLES;
/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

-- Dump completed on 2024-03-18 01:14:46

-- mysqld / WordPress log lines from the same minute:
[18-Mar-2024 01:25:19 UTC] Cron reschedule event error for hook: sophmate_system_prompt, Error code: invalid_schedule, Error message: Event schedule does not exist., Data: {"schedule":"sophmate_every_ten_minutes","args":[],"interval":600}
[18-Mar-2024 01:33:36 UTC] PHP Warning:  Undefined index: usage in /home/customer/www/store.cindergoods.co.uk/public_html/wp-content/plugins/sophmate/includes/class-sophmate-context.php on line 157
