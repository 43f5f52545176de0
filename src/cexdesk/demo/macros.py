"""The demo desk's macros: the canned replies an exchange's tier 1 reaches for most."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoMacro:
    name: str
    category: str | None
    set_status: str | None
    texts: dict[str, str]


MACROS: tuple[DemoMacro, ...] = (
    DemoMacro(
        "Deposit not credited: ask for the TxID",
        "deposit",
        "pending",
        {
            "en": "Hi {customer_name}, thank you for reaching out. To trace your deposit, please "
            "send us the transaction hash (TxID), the coin and the network you used, and a "
            "screenshot of the transfer in the sending wallet or exchange.",
            "zh-Hans": "{customer_name}您好，感谢您的联系。为了查询您的充值，"
            "请提供交易哈希（TxID）、币种和所用网络，"
            "以及发送方钱包或平台中的转账截图。",
            "vi": "Chào {customer_name}, cảm ơn bạn đã liên hệ. Để tra soát khoản nạp, "
            "vui lòng gửi mã giao dịch (TxID), loại coin và mạng lưới đã dùng, "
            "kèm ảnh chụp giao dịch ở ví hoặc sàn gửi.",
            "ru": "Здравствуйте, {customer_name}! Чтобы найти ваш депозит, пришлите, пожалуйста, "
            "хеш транзакции (TxID), монету и сеть, а также скриншот перевода из кошелька или "
            "биржи отправителя.",
            "es": "Hola {customer_name}, gracias por escribirnos. Para rastrear tu depósito, "
            "envíanos el hash de la transacción (TxID), la moneda y la red que usaste, y una "
            "captura de la transferencia en la billetera o exchange de origen.",
        },
    ),
    DemoMacro(
        "Withdrawal security lock (24 h)",
        "withdrawal",
        None,
        {
            "en": "Hi {customer_name}, after a change to your security settings (password, 2FA "
            "or phone) withdrawals are paused for 24 hours to protect your funds. This lock "
            "cannot be lifted early by support. If you did not make that change, reply at "
            "once and we will secure your account.",
            "zh-Hans": "{customer_name}您好，修改安全设置（密码、二次验证或手机号）后，"
            "为保护资金安全，提现将暂停24小时，客服无法提前解除。"
            "如果这不是您本人的操作，请立即回复，我们会协助保护您的账户。",
            "vi": "Chào {customer_name}, sau khi thay đổi cài đặt bảo mật (mật khẩu, 2FA hoặc số "
            "điện thoại), chức năng rút tiền tạm khóa 24 giờ để bảo vệ tài sản của bạn và bộ "
            "phận hỗ trợ không thể mở sớm. Nếu bạn không thực hiện thay đổi đó, hãy trả lời "
            "ngay để chúng tôi bảo vệ tài khoản.",
        },
    ),
    DemoMacro(
        "Staff never ask for codes",
        "security",
        None,
        {
            "en": "Please note, {customer_name}: our staff will never ask for your password, 2FA "
            "codes or seed phrase, and never ask you to move funds to a 'safe' address. You "
            "can check whether an email, phone number or account really belongs to us on the "
            "official verification page.",
            "zh-Hans": "{customer_name}请注意：我们的工作人员绝不会索要您的密码、"
            "二次验证码或助记词，也绝不会要求您把资金转到所谓的“安全地址”。"
            "您可以在官方验证页面核实邮箱、电话或账号是否属于我们。",
        },
    ),
    DemoMacro(
        "Solved: anything else?",
        None,
        "solved",
        {
            "en": "Glad we could sort this out, {customer_name}. If anything else comes up about "
            "request #{ticket_id}, just reply here. — {agent_name}",
            "vi": "Rất vui vì đã giải quyết xong, {customer_name}. Nếu còn vấn đề gì về yêu cầu "
            "#{ticket_id}, bạn chỉ cần trả lời tại đây. — {agent_name}",
        },
    ),
)
