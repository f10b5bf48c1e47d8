"""What customers read about networks paused for maintenance, or open."""

from __future__ import annotations

from .texts import MAINTENANCE, WITHDRAWAL, WITHDRAWAL_ZH, Part, Wording

NETWORKS: dict[str, Wording] = {
    "network_suspended": Wording(
        parts=(
            Part(
                WITHDRAWAL + " is on hold because {asset} withdrawals on {network_name} are"
                " suspended.",
                WITHDRAWAL_ZH + "暂未发出，因为 {asset} 在{network_name}上的提币已暂停。",
            ),
            *MAINTENANCE,
        ),
        steps=(
            Part(
                "Nothing to do: it is sent automatically when the network reopens. If you need the"
                " funds sooner, ask us to cancel it and withdraw on another network that both"
                " sides support.",
                "无需任何操作，网络恢复后会自动发出。如需尽快用款，可联系我们取消该提币，改用双方都"
                "支持的其他网络提取。",
            ),
        ),
    ),
    "network_suspended.failed": Wording(
        parts=(
            Part(
                WITHDRAWAL + " failed because {asset} withdrawals on {network_name} were"
                " suspended.",
                WITHDRAWAL_ZH + "失败，因为 {asset} 在{network_name}上的提币当时已暂停。",
            ),
            *MAINTENANCE,
        ),
        steps=(
            Part(
                "The amount is back in your available balance; withdraw again once the network"
                " reopens, or on another network that both sides support.",
                "该笔资金已退回可用余额；请在网络恢复后重新提币，或改用双方都支持的其他网络。",
            ),
        ),
    ),
    "network_suspended.network": Wording(
        parts=(
            Part(
                "{asset} {direction_word} on {network_name} are suspended right now.",
                "{asset} 在{network_name}上的{direction_word}目前已暂停。",
            ),
            *MAINTENANCE,
        ),
        steps=(
            Part(
                "Wait until it reopens, or use another network that both sides support;"
                " announcements show when maintenance ends.",
                "请等待恢复，或改用双方都支持的其他网络；维护结束时间以公告为准。",
            ),
        ),
    ),
    "network_available": Wording(
        parts=(
            Part(
                "{asset} withdrawals on {network_name} are open and working normally.",
                "{asset} 在{network_name}上的提币目前开放，运行正常。",
            ),
            Part(
                "{asset} withdrawals are open on every network we offer for it right now.",
                "{asset} 目前在所有支持的网络上均可正常提币。",
                unless="network",
            ),
            Part(
                "Withdrawals on {network_name} are open and working normally.",
                "{network_name}上的提币目前开放，运行正常。",
                unless="asset",
            ),
            Part(
                "The fee is {withdraw_fee} {asset} and the minimum {withdraw_min} {asset}.",
                "手续费为 {withdraw_fee} {asset}，最低提币数量为 {withdraw_min} {asset}。",
            ),
        ),
        steps=(
            Part(
                "If a withdrawal of yours seems stuck, send us its TxID or the time you made it.",
                "如果您的某笔提币似乎卡住了，请发送其 TxID 或提币时间给我们。",
            ),
        ),
    ),
    "network_not_offered": Wording(
        parts=(
            Part(
                "We do not offer {asset} withdrawals on {network_name}.",
                "我们不支持通过{network_name}提取 {asset}。",
            ),
            Part("We do not offer {asset} withdrawals.", "我们不支持提取 {asset}。",
                 unless="network"),
            Part("We do not offer withdrawals on {network_name}.",
                 "我们不支持通过{network_name}提币。", unless="asset"),
        ),
        steps=(
            Part(
                "The withdrawal screen lists the networks offered for each coin; pick one the"
                " receiving side supports too.",
                "提币页面会列出每个币种支持的网络，请选择接收方同样支持的网络。",
            ),
        ),
    ),
    "network_available.all": Wording(
        parts=(
            Part(
                "Withdrawals are open on every network right now; none is under maintenance.",
                "目前所有网络的提币均正常开放，没有网络在维护。",
            ),
        ),
        steps=(
            Part(
                "If a withdrawal of yours seems stuck, send us its TxID or the time you made it.",
                "如果您的某笔提币似乎卡住了，请发送其 TxID 或提币时间给我们。",
            ),
        ),
    ),
}
