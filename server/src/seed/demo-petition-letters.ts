// The demo letters (server/src/seed/demo-petitions.ts registers them): realistic Vietnamese petitions of
// every kind and officer channel about the posts the demo seed creates in a commune (the chair and vice
// chair of the people's committee, the economy head, the land and finance officials, a school principal,
// the health station head, a residential cell and its secretary), and where each goes.
import type { PetitionChannel, PetitionKind, SenderIdentity } from '../../../common/petitions.ts';

/** Who a letter is about, found among the commune's seeded posts. */
export type About = 'chair' | 'vice' | 'economy' | 'land' | 'finance' | 'principal' | 'stationHead' | 'cellSecretary' | 'cell' | 'named';

export interface Letter {
  kind: PetitionKind;
  channel: PetitionChannel;
  about: About;
  sender: SenderIdentity;
  title: string;
  /**
   * {name}: the subject; {hon}/{Hon}: ông or bà; {pos}: their post; {place}: the commune's name, {word}: xã or
   * phường, {where}: both; {cell}: a residential cell.
   */
  text: string;
  source?: [string, string | null];
}

const CLOSE = 'Kính đề nghị các đồng chí xem xét, làm rõ và xử lý theo quy định của Đảng.';

export const LETTERS = {
  landChair: {
    kind: 'denunciation',
    channel: 'post',
    about: 'chair',
    sender: 'named',
    title: 'Tố cáo việc giao đất công ích không qua đấu giá',
    text: `Năm 2025, {hon} {name}, {pos}, đã ký quyết định giao lô đất công ích 320 m² tại khu Đồng Cửa cho một hộ gia đình là người thân của mình, không qua đấu giá, không lấy ý kiến nhân dân. Nhiều hộ trong {cell} đã xin thuê khu đất này để trồng màu nhưng đều bị từ chối. Sau khi được giao, lô đất đã được chuyển nhượng lại với giá hơn 900 triệu đồng. ${CLOSE}`,
  },
  landRecords: {
    kind: 'denunciation',
    channel: 'in_person',
    about: 'land',
    sender: 'named',
    title: 'Tố cáo cán bộ địa chính nhận tiền để hợp thức hóa hồ sơ đất',
    text: `Tháng 3 năm 2025, khi gia đình tôi làm hồ sơ cấp giấy chứng nhận quyền sử dụng đất, {hon} {name}, {pos}, yêu cầu nộp thêm 15 triệu đồng "chi phí đo đạc" không có biên lai. Nhiều hộ khác ở {cell} cũng bị yêu cầu tương tự; hồ sơ của hộ không nộp thì bị trả lại nhiều lần. ${CLOSE}`,
  },
  tender: {
    kind: 'denunciation',
    channel: 'post',
    about: 'economy',
    sender: 'named',
    title: 'Tố cáo việc chia nhỏ gói thầu sửa chữa trường học để chỉ định thầu',
    text: `Năm 2025, công trình sửa chữa, nâng cấp Trường Tiểu học {place} có tổng mức gần 2 tỷ đồng đã bị chia thành bốn gói dưới hạn mức để chỉ định thầu cho cùng một công ty. {Hon} {name}, {pos}, là người tham mưu việc chia gói thầu; công ty trúng thầu do em rể của {hon} làm giám đốc. Chất lượng công trình kém, mái tôn đã dột sau ba tháng sử dụng. ${CLOSE}`,
  },
  levy: {
    kind: 'feedback',
    channel: 'post',
    about: 'cellSecretary',
    sender: 'anonymous',
    title: 'Phản ánh việc thu tiền đóng góp xây dựng nhà văn hóa không công khai',
    text: `Từ đầu năm 2025, đồng chí {name}, {pos}, vận động mỗi hộ đóng góp 1.500.000 đồng xây dựng nhà văn hóa nhưng không công khai danh sách thu, không báo cáo quyết toán trước nhân dân. Đến nay nhà văn hóa mới xây xong phần móng. Đề nghị tổ chức đảng kiểm tra, công khai thu chi.`,
  },
  schoolFund: {
    kind: 'denunciation',
    channel: 'post',
    about: 'principal',
    sender: 'named',
    title: 'Tố cáo hiệu trưởng lạm thu và sử dụng quỹ phụ huynh sai mục đích',
    text: `Năm học 2025–2026, {hon} {name}, {pos}, chỉ đạo thu của mỗi học sinh 600.000 đồng ngoài danh mục được phép, trong đó có khoản "xã hội hóa máy điều hòa", rồi dùng quỹ hội phụ huynh để tổ chức tham quan cho giáo viên. Nhiều phụ huynh đã ý kiến nhưng không được trả lời. ${CLOSE}`,
  },
  cellMeetings: {
    kind: 'recommendation',
    channel: 'in_person',
    about: 'cell',
    sender: 'named',
    title: 'Kiến nghị chấn chỉnh việc sinh hoạt chi bộ không đúng định kỳ',
    text: `Từ tháng 6 năm 2025, {name} nhiều tháng không tổ chức sinh hoạt chi bộ định kỳ, nghị quyết chi bộ không được phổ biến đến đảng viên, việc thu nộp đảng phí không ghi sổ. Tôi kiến nghị Đảng ủy {where} kiểm tra, chấn chỉnh việc sinh hoạt của chi bộ.`,
  },
  carPress: {
    kind: 'feedback',
    channel: 'press',
    about: 'vice',
    sender: 'named',
    title: 'Báo phản ánh việc sử dụng xe công vào việc riêng',
    text: `Bài báo phản ánh {hon} {name}, {pos}, nhiều lần sử dụng xe ô tô của Ủy ban nhân dân {where} để đưa đón người nhà và đi việc riêng vào ngày nghỉ, có ảnh chụp kèm theo. Đề nghị cơ quan có thẩm quyền xác minh, xử lý.`,
    source: ['Báo Nghệ An', 'Bài "Xe công đi việc tư" đăng ngày 05/10/2025'],
  },
  appointment: {
    kind: 'denunciation',
    channel: 'forwarded',
    about: 'chair',
    sender: 'named',
    title: 'Tố cáo việc bố trí người nhà vào vị trí công chức không đúng quy trình',
    text: `{Hon} {name}, {pos}, đã chỉ đạo bố trí con rể vào vị trí công chức văn phòng – thống kê của {where} khi chưa qua tuyển dụng, sau đó hợp thức hóa hồ sơ. Việc làm này vi phạm quy định về công tác cán bộ, gây bức xúc trong cán bộ, công chức {word}. ${CLOSE}`,
    source: ['Ban Tiếp công dân tỉnh Nghệ An', 'Phiếu chuyển đơn số 215/PC-BTCD'],
  },
  travel: {
    kind: 'denunciation',
    channel: 'post',
    about: 'finance',
    sender: 'anonymous',
    title: 'Tố cáo việc lập chứng từ khống thanh toán công tác phí',
    text: `Trong năm 2025, {hon} {name}, {pos}, đã lập nhiều bộ chứng từ công tác phí, tiền xăng xe cho các chuyến đi không có thật để thanh toán, tổng số khoảng 80 triệu đồng. Đề nghị kiểm tra sổ sách kế toán của Ủy ban nhân dân {word}.`,
  },
  sand: {
    kind: 'feedback',
    channel: 'in_person',
    about: 'named',
    sender: 'false_name',
    title: 'Phản ánh việc khai thác cát trái phép, cán bộ thôn làm ngơ',
    text: `Nhiều tháng nay, {hon} {name}, {pos}, cho xe múc khai thác cát ở bãi bồi ven sông đêm nào cũng hoạt động, làm sạt lở bờ sông, hư hỏng đường liên xóm thuộc {cell}. Nhân dân đã báo nhưng cán bộ thôn làm ngơ. Đề nghị chính quyền và tổ chức đảng xử lý.`,
  },
  complaint: {
    kind: 'discipline_complaint',
    channel: 'post',
    about: 'cell',
    sender: 'named',
    title: 'Khiếu nại quyết định thi hành kỷ luật khiển trách',
    text: `Tôi là đảng viên sinh hoạt tại {name}. Ngày 15/9/2025, chi bộ biểu quyết thi hành kỷ luật khiển trách đối với tôi vì cho rằng tôi vi phạm quy định về những điều đảng viên không được làm. Tôi cho rằng việc xem xét chưa khách quan, chưa xác minh đầy đủ. Đề nghị cấp trên xem xét lại.`,
  },
  roadLand: {
    kind: 'recommendation',
    channel: 'post',
    about: 'economy',
    sender: 'named',
    title: 'Kiến nghị làm rõ việc bồi thường khi thu hồi đất làm đường giao thông',
    text: `Khi thu hồi đất làm đường giao thông nông thôn qua {cell} năm 2025, mức bồi thường cho các hộ không thống nhất, có hộ được hỗ trợ gấp đôi hộ bên cạnh. {Hon} {name}, {pos}, là người lập phương án. Tôi kiến nghị công khai phương án bồi thường và làm rõ trách nhiệm.`,
  },
  assets: {
    kind: 'denunciation',
    channel: 'post',
    about: 'vice',
    sender: 'named',
    title: 'Tố cáo việc kê khai tài sản, thu nhập không trung thực',
    text: `{Hon} {name}, {pos}, trong hai năm gần đây xây nhà ba tầng, mua hai lô đất ở trung tâm {word} và một xe ô tô đắt tiền, vượt xa thu nhập từ lương. Bản kê khai tài sản, thu nhập năm 2025 của {hon} không thể hiện các tài sản này; lô đất đứng tên người thân. Đề nghị xác minh tài sản, thu nhập theo quy định.`,
  },
  drinking: {
    kind: 'feedback',
    channel: 'post',
    about: 'cellSecretary',
    sender: 'anonymous',
    title: 'Phản ánh đảng viên uống rượu, đánh bài trong giờ hành chính',
    text: `Nhân dân {cell} phản ánh đồng chí {name}, {pos}, thường xuyên tụ tập uống rượu, đánh bài ăn tiền tại quán đầu làng trong giờ hành chính, có lần say xỉn gây gổ với người dân, ảnh hưởng đến uy tín của chi bộ.`,
  },
  poorHouseholds: {
    kind: 'recommendation',
    channel: 'in_person',
    about: 'vice',
    sender: 'named',
    title: 'Kiến nghị rà soát lại danh sách hộ nghèo năm 2025',
    text: `Danh sách hộ nghèo năm 2025 của {where} có nhiều hộ khá giả, có nhà cao tầng, xe tải vẫn được công nhận, trong khi một số hộ thật sự khó khăn ở {cell} lại bị đưa ra khỏi danh sách. {Hon} {name}, {pos}, phụ trách việc bình xét. Tôi kiến nghị rà soát, bình xét lại công khai.`,
  },
  forestLand: {
    kind: 'denunciation',
    channel: 'forwarded',
    about: 'land',
    sender: 'named',
    title: 'Tố cáo việc xác nhận hồ sơ cấp đất trên đất rừng phòng hộ',
    text: `{Hon} {name}, {pos}, đã xác nhận nguồn gốc sử dụng đất ổn định cho 4 hộ để được cấp giấy chứng nhận quyền sử dụng đất trên diện tích rừng phòng hộ giáp {cell}, trong đó có đất của người nhà {hon}. Diện tích này nằm trong quy hoạch ba loại rừng của tỉnh. ${CLOSE}`,
    source: ['Thanh tra tỉnh Nghệ An', 'Văn bản số 1186/TTr-TD ngày 20/10/2025'],
  },
  equipment: {
    kind: 'denunciation',
    channel: 'post',
    about: 'stationHead',
    sender: 'named',
    title: 'Tố cáo việc mua sắm trang thiết bị y tế với giá cao bất thường',
    text: `Năm 2025, {hon} {name}, {pos}, tổ chức mua máy siêu âm và máy xét nghiệm sinh hóa cho trạm với giá cao gần gấp đôi giá thị trường, hồ sơ chào giá có ba công ty nhưng cùng một người đứng sau. Một số thiết bị đến nay vẫn chưa đưa vào sử dụng. ${CLOSE}`,
  },
  partyFee: {
    kind: 'feedback',
    channel: 'in_person',
    about: 'cellSecretary',
    sender: 'named',
    title: 'Phản ánh việc quản lý, sử dụng đảng phí không đúng quy định',
    text: `Tôi là đảng viên Chi bộ {cell}. Đồng chí {name}, {pos}, thu đảng phí nhưng nhiều tháng không nộp lên cấp trên, không ghi sổ theo dõi, dùng tiền đảng phí chi tiếp khách. Đề nghị kiểm tra việc thu, nộp, quản lý đảng phí của chi bộ.`,
  },
  concreteRoad: {
    kind: 'feedback',
    channel: 'press',
    about: 'chair',
    sender: 'named',
    title: 'Báo phản ánh công trình đường bê tông nông thôn xuống cấp sau nghiệm thu',
    text: `Phóng sự phản ánh tuyến đường bê tông dài 1,8 km qua {cell} mới nghiệm thu 6 tháng đã nứt vỡ, bong tróc nhiều đoạn; mác bê tông và chiều dày không đúng thiết kế. {Hon} {name}, {pos}, là chủ đầu tư. Người dân đề nghị làm rõ trách nhiệm.`,
    source: ['Đài Phát thanh và Truyền hình Nghệ An', 'Phóng sự phát ngày 12/11/2025'],
  },
  creditLoans: {
    kind: 'denunciation',
    channel: 'post',
    about: 'named',
    sender: 'anonymous',
    title: 'Tố cáo cán bộ tín dụng cho vay không đúng đối tượng để hưởng phần trăm',
    text: `{Hon} {name}, {pos}, kiêm tổ trưởng tổ tiết kiệm và vay vốn, lập hồ sơ cho nhiều hộ không thuộc đối tượng vay vốn ưu đãi, mỗi hồ sơ thu 5% số tiền vay. Có hộ đứng tên vay nhưng không nhận được tiền. Đề nghị kiểm tra các hồ sơ vay năm 2024–2025.`,
  },
  congress: {
    kind: 'denunciation',
    channel: 'post',
    about: 'chair',
    sender: 'false_name',
    title: 'Tố cáo việc vận động, hứa hẹn chức vụ trước đại hội đảng bộ',
    text: `Trước đại hội đảng bộ {where}, {hon} {name}, {pos}, đã nhiều lần mời một số đảng viên đi ăn uống, hứa hẹn bố trí chức vụ cho người nhà nếu được ủng hộ trong bầu cử ban chấp hành. Việc làm này vi phạm quy định về những điều đảng viên không được làm và quy chế bầu cử trong Đảng. ${CLOSE}`,
  },
} satisfies Record<string, Letter>;

/** What becomes of a demo letter after registration (screening as the officers' API records it). */
export type Fate = 'received' | 'accepted_overdue' | 'kept' | 'forward' | 'province_copy' | 'marked';

/**
 * Which letters go where: [letter, commune index, days before today, receiving body, fate]. Each letter once
 * (letters written from one template about different people would be linked as a copy-paste campaign), but
 * the procurement letter, sent word for word to the commune and to the province.
 */
export const PLAN: [keyof typeof LETTERS, number, number, 'commune' | 'province', Fate][] = [
  ['landChair', 0, 24, 'commune', 'forward'],
  ['landRecords', 0, 170, 'commune', 'accepted_overdue'],
  ['tender', 1, 40, 'commune', 'received'],
  ['tender', 1, 36, 'province', 'province_copy'],
  ['levy', 1, 12, 'commune', 'received'],
  ['schoolFund', 2, 65, 'commune', 'received'],
  ['cellMeetings', 2, 8, 'commune', 'received'],
  ['carPress', 3, 30, 'province', 'received'],
  ['appointment', 3, 18, 'province', 'marked'],
  ['travel', 4, 21, 'commune', 'kept'],
  ['sand', 4, 5, 'commune', 'received'],
  ['complaint', 5, 14, 'commune', 'received'],
  ['roadLand', 5, 27, 'commune', 'received'],
  ['assets', 6, 95, 'commune', 'received'],
  ['drinking', 6, 3, 'commune', 'received'],
  ['poorHouseholds', 7, 33, 'commune', 'received'],
  ['forestLand', 7, 110, 'commune', 'received'],
  ['equipment', 8, 45, 'commune', 'received'],
  ['partyFee', 8, 2, 'commune', 'received'],
  ['concreteRoad', 9, 16, 'commune', 'received'],
  ['creditLoans', 9, 52, 'commune', 'received'],
  ['congress', 2, 1, 'commune', 'received'],
];
