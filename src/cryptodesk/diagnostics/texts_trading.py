"""What customers read about their orders."""

from __future__ import annotations

from .texts import Part, Wording

_ORDER = "Your {side_word} order {record_id} on {pair}"
_ORDER_ZH = "您在 {pair} 的{side_word}单 {record_id}"

_AGE = Part("It has been open for {created_at_ago}.", "该订单已挂出{created_at_ago}。")
_FILLED = Part(
    "{filled} of {amount} {base} has been filled so far.",
    "目前已成交 {filled}/{amount} {base}。",
)

TRADING: dict[str, Wording] = {
    "insufficient_balance": Wording(
        parts=(
            Part(
                _ORDER + " for {amount} {base} was rejected for insufficient balance.",
                _ORDER_ZH + "（数量 {amount} {base}）因余额不足被拒绝。",
            ),
            Part(
                "At {price} {quote} it needs {cost} {asset} plus the {fee_rate} taker fee of"
                " {fee} {asset}, {required} {asset} in all, while {available} {asset} is"
                " available: {shortfall} {asset} short.",
                "按 {price} {quote} 计算，需要 {cost} {asset}，另加 {fee_rate} 的吃单手续费"
                " {fee} {asset}，共 {required} {asset}；而可用余额为 {available} {asset}，"
                "还差 {shortfall} {asset}。",
            ),
            Part(
                "It needs {required} {asset}, while {available} {asset} is available:"
                " {shortfall} {asset} short.",
                "需要 {required} {asset}，而可用余额为 {available} {asset}，"
                "还差 {shortfall} {asset}。",
                unless="fee",
            ),
            Part(
                "Your balance covers the order itself; it is the fee that tips it over.",
                "您的余额足以支付订单本身，差的正是手续费。",
                when="fee_tipped",
            ),
        ),
        steps=(
            Part(
                "Top up at least {shortfall} {asset} or lower the amount, then place the order"
                " again.",
                "请至少充值 {shortfall} {asset} 或减少数量，然后重新下单。",
            ),
            Part(
                "Check your available balance (funds in open orders are locked), then place the"
                " order again.",
                "请查看可用余额（挂单中的资金处于冻结状态），然后重新下单。",
                unless="shortfall",
            ),
            Part(
                "When you size a buy, leave room for the fee, or use the Max button, which"
                " counts it for you.",
                "买入时请为手续费预留余额，或使用「最大」按钮，系统会自动扣除手续费。",
                when="fee",
            ),
        ),
    ),
    "below_min_notional": Wording(
        parts=(
            Part(
                _ORDER + " was worth {notional} {quote}, below the minimum order value of"
                " {min_notional} {quote} for that market.",
                _ORDER_ZH + " 的金额为 {notional} {quote}，低于该交易对的最小下单金额"
                " {min_notional} {quote}。",
            ),
        ),
        steps=(
            Part(
                "Raise the amount so the order is worth at least {min_notional} {quote}.",
                "请增加数量，使订单金额至少达到 {min_notional} {quote}。",
            ),
        ),
    ),
    "below_min_qty": Wording(
        parts=(
            Part(
                _ORDER + " was for {amount} {base}, below the minimum quantity of {min_qty}"
                " {base} for that market.",
                _ORDER_ZH + " 的数量为 {amount} {base}，"
                "低于该交易对的最小下单数量 {min_qty} {base}。",
            ),
        ),
        steps=(Part("Order at least {min_qty} {base}.", "请至少下单 {min_qty} {base}。"),),
    ),
    "limit_price_away_from_market": Wording(
        parts=(
            Part(
                "Your limit {side_word} order {record_id} on {pair} at {price} {quote} is"
                " {distance_abs}% {direction_word} the market price of {market} {quote}, so it"
                " has not been filled.",
                "您在 {pair} 的限价{side_word}单 {record_id}（价格 {price} {quote}）"
                "{direction_word}市价 {market} {quote} 约 {distance_abs}%，因此尚未成交。",
            ),
            _AGE,
            _FILLED,
        ),
        steps=(
            Part(
                "A limit order fills only when the market reaches your price. Keep it if you are"
                " happy to wait, or cancel it and place one nearer the market price (or a market"
                " order) to trade now.",
                "限价单只有在市场价格达到挂单价时才会成交。愿意等待可以保留；如想立即成交，可撤单后"
                "按接近市价的价格重新挂单，或改用市价单。",
            ),
        ),
    ),
    "order_open": Wording(
        parts=(
            Part(
                _ORDER + " at {price} {quote} is open in the order book, {distance_abs}%"
                " {direction_word} the market price of {market} {quote}.",
                _ORDER_ZH + "（价格 {price} {quote}）正在挂单中，{direction_word}市价"
                " {market} {quote} 约 {distance_abs}%。",
            ),
            Part(
                _ORDER + " is open in the order book.",
                _ORDER_ZH + " 正在挂单中。",
                unless="market",
            ),
            _AGE,
            _FILLED,
        ),
        steps=(
            Part(
                "It fills when the market trades at your price; nothing to do unless you want to"
                " change it.",
                "市场成交价达到您的挂单价时就会成交；除非您想修改订单，否则无需任何操作。",
            ),
        ),
    ),
    "order_filled": Wording(
        parts=(
            Part(
                _ORDER + " was filled: {filled} {base} at {price} {quote}.",
                _ORDER_ZH + " 已成交：{filled} {base}，价格 {price} {quote}。",
            ),
            Part(
                _ORDER + " was filled: {filled} {base}.",
                _ORDER_ZH + " 已成交：{filled} {base}。",
                unless="price",
            ),
        ),
        steps=(
            Part(
                "The proceeds are in your spot balance; Orders > Trade history shows each fill and"
                " its fee.",
                "成交所得已计入现货账户余额，可在「订单 > 成交记录」查看每笔成交及其手续费。",
            ),
        ),
    ),
    "order_cancelled": Wording(
        parts=(
            Part(_ORDER + " was cancelled.", _ORDER_ZH + " 已撤销。"),
            Part(
                "{filled} of {amount} {base} had been filled before that.",
                "撤销前已成交 {filled}/{amount} {base}。",
            ),
        ),
        steps=(
            Part(
                "The funds it held are back in your available balance; place a new order if you"
                " still want to trade.",
                "该订单占用的资金已退回可用余额；如仍想交易，请重新下单。",
            ),
        ),
    ),
    "order_rejected": Wording(
        parts=(
            Part(_ORDER + " was rejected.", _ORDER_ZH + " 被拒绝。"),
            Part("Reason recorded: {reject_reason}.", "记录的原因：{reject_reason}。"),
        ),
        steps=(
            Part(
                "A support agent will go through the reason with you.",
                "客服专员会和您一起核实原因。",
            ),
        ),
    ),
    "trading_halted": Wording(
        parts=(
            Part(
                "Trading on {pair} is suspended right now, so new orders there are rejected.",
                "{pair} 目前暂停交易，因此新订单会被拒绝。",
            ),
        ),
        steps=(
            Part(
                "The announcements say when trading on it reopens.",
                "恢复交易的时间请留意平台公告。",
            ),
        ),
    ),
}
