<?php
// checkout step 3: card payment (English store front)
require_once $_SERVER['DOCUMENT_ROOT'] . '/en/lib/bootstrap.php';
$order = Order::load($_SESSION['order_id']);
if (!$order) { header('Location: /en/cart/'); exit; }
?>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>K-Beauty Lab | Checkout - Card Payment</title>
<link rel="stylesheet" href="/en/css/checkout.css">
<script>
function submitCard(form) {
	var option = form.card.options[form.card.selectedIndex];
	if (!option.value) { alert("Please choose your card issuer."); return false; }
	form.certitype.value = option.parentNode.label.indexOf("ISP") === 0 ? "I" : "M";
	return true;
}
</script>
</head>
<body>
<div id="checkout">
	<h2>Card Payment</h2>
	<table class="summary">
		<tr><th>Order</th><td><?php echo htmlspecialchars($order->number); ?></td></tr>
		<tr><th>Total</th><td>KRW <?php echo number_format($order->total); ?></td></tr>
		<tr><th>Shipping</th><td>Jeju Island delivery: +3,000 KRW, 2-3 extra days</td></tr>
	</table>
	<form method="post" action="/en/checkout/kspay.php" onsubmit="return submitCard(this);">
		<input type="hidden" name="order_id" value="<?php echo $order->id; ?>">
		<input type="hidden" name="certitype" value="">
		<label for="card">Card issuer</label>
		<select name="card" id="card">
			<option value="">-- Select --</option>
			<optgroup label="MPI (3-D Secure)">
				<option value="03">KEB Card</option>
				<option value="04">Samsung Card</option>
				<option value="06">Hyundai Card</option>
				<option value="07">Shinhan Card</option>
				<option value="16">Jeju Card</option>
				<option value="08">Lotte Card</option>
			</optgroup>
			<optgroup label="ISP (Internet Secure Payment)">
				<option value="01">BC Card</option>
				<option value="02">KB Kookmin Card</option>
			</optgroup>
		</select>
		<button type="submit">Pay now</button>
	</form>
</div>
<?php include $_SERVER['DOCUMENT_ROOT'] . '/en/inc/footer.php'; ?>
</body>
</html>
